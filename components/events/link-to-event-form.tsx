"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { PARTICIPANT_ROLES } from "@/db/enums";
import { addParticipants } from "@/lib/events/actions/add-participants";

interface Choice {
  id: string;
  label: string;
  startsOn: string;
  city: string | null;
}

export function LinkToEventForm({ enterpriseId, events }: { enterpriseId: string; events: Choice[] }) {
  const t = useTranslations("events.link");
  const roleName = useTranslations("events.roles");
  const id = useId();
  const [filter, setFilter] = useState("");
  const [eventId, setEventId] = useState("");
  // The one row's outcome: linked, already there, or held back.
  const failure = (data: { outcomes: { status: string }[] }) => {
    const status = data.outcomes[0]?.status;
    return status === "already" ? t("already") : !status || status === "refused" || status === "similar" ? t("failed") : null;
  };
  const { notice, setNotice, pending, run } = useActionForm({
    action: addParticipants,
    success: (data) => (failure(data) ? null : t("linked")),
    onSuccess: (data) => {
      const text = failure(data);
      if (text) setNotice({ tone: "error", text });
      else setEventId("");
    },
  });
  const error = notice?.text ?? null;
  const shown = filter.trim() ? events.filter((e) => e.label.toLowerCase().includes(filter.trim().toLowerCase())) : events;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const role = String(new FormData(e.currentTarget).get("role"));
    if (!eventId) return setNotice({ tone: "error", text: t("chooseEvent") });
    run({ eventId, rows: [{ enterpriseId, role }] }, e.currentTarget);
  }

  if (events.length === 0) return <p className="text-sm text-slate-500">{t("noEvents")}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-[1fr_1fr]">
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-slate-800">{t("filter")}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="block w-full rounded-md border border-slate-300 min-h-11 px-3 py-2 text-base sm:min-h-0 sm:text-sm" />
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-slate-800">{t("event")}</span>
          <select
            value={eventId}
            onChange={(e) => setEventId(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={`${id}-error`}
            className="block w-full rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 sm:text-sm"
          >
            <option value="">{t("choose")}</option>
            {shown.map((e) => (
              <option key={e.id} value={e.id}>
                {`${e.label} · ${e.startsOn}${e.city ? ` · ${e.city}` : ""}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-slate-800">{t("role")}</span>
          <select name="role" defaultValue="attendee" className="block rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 sm:text-sm">
            {PARTICIPANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("secondary")}>
          {pending ? t("linking") : t("submit")}
        </button>
      </div>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}
