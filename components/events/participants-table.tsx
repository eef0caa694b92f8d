"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { DANGER_BUTTON, Modal, ModalMessage } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import { PARTICIPANT_ROLES } from "@/db/enums";
import { removeParticipant } from "@/lib/events/actions/remove-participant";
import { updateParticipantRole } from "@/lib/events/actions/update-participant-role";
import { countryName, primaryName } from "@/lib/i18n/display";

export interface ParticipantRow {
  id: string;
  role: (typeof PARTICIPANT_ROLES)[number];
  enterpriseId: string;
  nameZh: string | null;
  nameEn: string | null;
  country: string;
  city: string | null;
  canChange: boolean;
}

/** Participants grouped by role (the server sends them in role order); role changes save at once. */
export function ParticipantsTable({ rows, eventId, canSign }: { rows: ParticipantRow[]; eventId: string; canSign: boolean }) {
  const t = useTranslations("events.participants");
  const roleName = useTranslations("events.roles");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [removing, setRemoving] = useState<ParticipantRow | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function changeRole(row: ParticipantRow, role: string) {
    startTransition(async () => {
      const result = await updateParticipantRole({ id: row.id, role });
      if (result.ok) toast.success(t("roleSaved"));
      else toast.error(result.message);
      router.refresh();
    });
  }

  function remove() {
    if (!removing) return;
    const row = removing;
    startTransition(async () => {
      const result = await removeParticipant({ id: row.id });
      if (result.ok) {
        toast.success(t("removed", { name: primaryName(row, locale).first }));
        setRemoving(null);
      } else setMessage(result.message);
      router.refresh();
    });
  }

  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t("enterprise")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("place")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("role")}</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const name = primaryName(row, locale);
              return (
                <tr key={row.id}>
                  <td className="py-2 pr-3">
                    <Link href={`/enterprises/${row.enterpriseId}`} className="font-medium text-brand-700 hover:underline">
                      {name.first}
                    </Link>
                    {name.second ? <span className="block text-xs text-slate-500">{name.second}</span> : null}
                  </td>
                  <td className="py-2 pr-3 text-slate-600">{[row.city, countryName(row.country, locale)].filter(Boolean).join(", ")}</td>
                  <td className="py-2 pr-3">
                    {row.canChange ? (
                      <select
                        aria-label={t("roleOf", { name: name.first })}
                        value={row.role}
                        disabled={pending}
                        onChange={(e) => changeRole(row, e.target.value)}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                      >
                        {PARTICIPANT_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleName(r)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      roleName(row.role)
                    )}
                  </td>
                  <td className="space-x-3 py-2 text-right whitespace-nowrap">
                    {canSign ? (
                      <Link
                        href={`/projects/new?enterprise=${row.enterpriseId}&event=${eventId}`}
                        className="text-sm text-brand-700 hover:underline"
                        aria-label={t("signOf", { name: name.first })}
                      >
                        {t("sign")}
                      </Link>
                    ) : null}
                    {row.canChange ? (
                      <button
                        type="button"
                        onClick={() => { setMessage(null); setRemoving(row); }}
                        className="text-sm text-red-700 hover:underline"
                        aria-label={t("removeOf", { name: name.first })}
                      >
                        {tc("remove")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Modal open={removing !== null} onClose={() => setRemoving(null)} title={t("removeTitle", { name: removing ? primaryName(removing, locale).first : "" })} busy={pending}>
        <ModalMessage message={message} />
        <p className="text-sm text-slate-700">{t("removeBody")}</p>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus onClick={() => setRemoving(null)} disabled={pending}>
            {tc("cancel")}
          </Button>
          <button type="button" className={DANGER_BUTTON} onClick={remove} disabled={pending} aria-busy={pending}>
            {tc("remove")}
          </button>
        </div>
      </Modal>
    </>
  );
}
