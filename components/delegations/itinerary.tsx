"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { DANGER_BUTTON, Modal } from "@/components/ui/modal";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-core";
import { cancelItineraryStop } from "@/lib/delegations/actions/cancel-stop";
import { moveItineraryStop } from "@/lib/delegations/actions/move-stop";
import { removeItineraryStop } from "@/lib/delegations/actions/remove-stop";
import { type EventChoice, StopForm, type StopValues } from "./stop-form";

export interface ItineraryStop extends StopValues {
  position: number;
  /** The instant, and its day and time on the stop's wall clock. */
  at: string;
  when: string;
  /** The zone's short name and Beijing time, for a stop abroad. */
  zone: string | null;
  beijing: string | null;
  subject: string;
  enterpriseId: string | null;
  status: "planned" | "done" | "cancelled";
  visitId: string | null;
}

interface Props {
  delegationId: string;
  stops: ItineraryStop[];
  events: EventChoice[];
  canEdit: boolean;
  defaultDate: string;
  /** A new stop starts in the zone of the last one: a trip abroad adds its stops there. */
  defaultZone: string;
}

/** The ordered stops; move up/down are buttons so the order can be changed from the keyboard. */
export function Itinerary({ delegationId, stops, events, canEdit, defaultDate, defaultZone }: Props) {
  const t = useTranslations("delegations.stops");
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {stops.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="space-y-3">
          {stops.map((s, i) => (
            <li key={s.id} data-testid="itinerary-stop" className={`rounded-md border p-3 ${s.status === "cancelled" ? "border-slate-200 bg-slate-50 text-slate-500" : "border-slate-200"}`}>
              {editing === s.id ? (
                <StopForm mode="edit" stop={s} events={events} onDone={() => setEditing(null)} />
              ) : (
                <StopRow stop={s} first={i === 0} last={i === stops.length - 1} canEdit={canEdit} onEdit={() => setEditing(s.id)} />
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && editing === null ? <StopForm key={stops.length} mode="add" delegationId={delegationId} events={events} defaultDate={defaultDate} defaultZone={defaultZone} /> : null}
    </div>
  );
}

function StopRow({ stop: s, first, last, canEdit, onEdit }: { stop: ItineraryStop; first: boolean; last: boolean; canEdit: boolean; onEdit: () => void }) {
  const t = useTranslations("delegations.stops");
  const tc = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirmRemove, setConfirmRemove] = useState(false);

  function run(call: () => Promise<ActionResult<unknown>>, success?: string) {
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        if (success) toast.success(success);
      } else toast.error(result.message);
      setConfirmRemove(false);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-0.5">
        <p className="text-sm font-medium text-slate-600">
          <span className="mr-2 inline-grid size-6 place-items-center rounded-full bg-slate-100 text-xs">{s.position}</span>
          <time dateTime={s.at} className="whitespace-nowrap">
            {s.when}
            {s.zone ? ` ${s.zone}` : null}
          </time>
          {s.beijing ? (
            <>
              {" · "}
              <span className="whitespace-nowrap text-slate-500">{t("beijingTime", { time: s.beijing })}</span>
            </>
          ) : null}
          <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${s.status === "done" ? "bg-emerald-100 text-emerald-900" : s.status === "cancelled" ? "bg-slate-200 text-slate-700" : "bg-sky-100 text-sky-900"}`}>
            {t(`status.${s.status}`)}
          </span>
        </p>
        <p className={`font-semibold break-words ${s.status === "cancelled" ? "line-through" : ""}`}>
          {s.enterpriseId ? (
            <Link href={`/enterprises/${s.enterpriseId}`} className="text-brand-700 hover:underline">
              {s.subject}
            </Link>
          ) : (
            s.subject
          )}
        </p>
        {s.place && s.place !== s.subject ? <p className="text-sm text-slate-600">{s.place}</p> : null}
        {s.contactName || s.contactPhone ? <StopContact name={s.contactName} phone={s.contactPhone} label={t("contact")} /> : null}
        {s.note ? <p className="text-sm whitespace-pre-line text-slate-600">{s.note}</p> : null}
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2">
        {s.status === "done" && s.visitId ? (
          <Link href={`/visits/${s.visitId}`} className={buttonClass("secondary")}>
            {t("openVisit")}
          </Link>
        ) : null}
        {s.status === "planned" && s.enterpriseId && canEdit ? (
          <Link href={`/visits/new?stop=${s.id}`} className={buttonClass("primary")} aria-label={t("markDoneFor", { subject: s.subject })}>
            {t("markDone")}
          </Link>
        ) : null}
        {canEdit ? (
          <>
            <Button variant="ghost" aria-label={t("moveUp", { subject: s.subject })} disabled={first || pending} onClick={() => run(() => moveItineraryStop({ id: s.id, direction: "up" }))}>
              ↑
            </Button>
            <Button variant="ghost" aria-label={t("moveDown", { subject: s.subject })} disabled={last || pending} onClick={() => run(() => moveItineraryStop({ id: s.id, direction: "down" }))}>
              ↓
            </Button>
            {s.status === "planned" ? (
              <>
                <Button variant="ghost" aria-label={t("editFor", { subject: s.subject })} disabled={pending} onClick={onEdit}>
                  {tc("edit")}
                </Button>
                <Button variant="ghost" aria-label={t("cancelFor", { subject: s.subject })} disabled={pending} onClick={() => run(() => cancelItineraryStop({ id: s.id }), t("cancelled"))}>
                  {t("cancelStop")}
                </Button>
              </>
            ) : null}
            {s.status !== "done" ? (
              <Button variant="ghost" className="text-red-700" aria-label={t("removeFor", { subject: s.subject })} disabled={pending} onClick={() => setConfirmRemove(true)}>
                {tc("remove")}
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
      <Modal open={confirmRemove} onClose={() => setConfirmRemove(false)} title={t("removeTitle", { subject: s.subject })} busy={pending}>
        <p className="text-sm text-slate-700">{t("removeBody")}</p>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus onClick={() => setConfirmRemove(false)} disabled={pending}>
            {t("keep")}
          </Button>
          <button type="button" className={DANGER_BUTTON} disabled={pending} onClick={() => run(() => removeItineraryStop({ id: s.id }), t("removed"))}>
            {t("removeConfirm")}
          </button>
        </div>
      </Modal>
    </div>
  );
}

/** Whom to ask for at the stop; the phone dials on a phone. */
export function StopContact({ name, phone, label }: { name: string | null; phone: string | null; label: string }) {
  return (
    <p className="text-sm text-slate-600" data-testid="stop-contact">
      <span className="text-slate-500">{label}</span> {name}
      {name && phone ? " · " : null}
      {phone ? (
        <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="whitespace-nowrap text-brand-700 hover:underline">
          {phone}
        </a>
      ) : null}
    </p>
  );
}
