"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RowActionButton } from "@/components/ui/row-action-button";
import { addDelegationMember } from "@/lib/delegations/actions/add-member";
import { removeDelegationMember } from "@/lib/delegations/actions/remove-member";
import type { DelegationDetail } from "@/lib/delegations/queries";

type Member = DelegationDetail["members"][number];
type Person = { id: string; name: string | null; email: string };

/** Who travels or visits: our staff by account, outsiders by name and organisation. */
export function MembersSection({ delegationId, members, people, canEdit }: { delegationId: string; members: Member[]; people: Person[]; canEdit: boolean }) {
  const t = useTranslations("delegations.members");
  const tc = useTranslations("common");
  return (
    <div className="space-y-4">
      {members.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="font-medium">
                  {m.userId ? (m.userName ?? m.userEmail) : m.name}
                  {m.userId ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">{t("ours")}</span> : null}
                </p>
                <p className="text-slate-500">{[m.title, m.organisation].filter(Boolean).join(" · ")}</p>
              </div>
              {canEdit ? (
                <RowActionButton run={() => removeDelegationMember({ id: m.id })} done={t("removed")} label={t("remove", { name: (m.userId ? m.userName : m.name) ?? "" })}>
                  {tc("remove")}
                </RowActionButton>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <AddMemberForm delegationId={delegationId} people={people} /> : null}
    </div>
  );
}

function AddMemberForm({ delegationId, people }: { delegationId: string; people: Person[] }) {
  const t = useTranslations("delegations.members");
  const tc = useTranslations("common");
  const [kind, setKind] = useState<"ours" | "guest">("ours");
  const { formRef, errors, notice, pending, run } = useActionForm({ action: addDelegationMember, success: t("added") });
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        if (kind === "ours") ["name", "organisation"].forEach((k) => data.delete(k));
        else data.delete("userId");
        run(data, e.currentTarget);
      }}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <input type="hidden" name="delegationId" value={delegationId} />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">{t("add")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === "ours"} onChange={() => setKind("ours")} className="size-4" />
          {t("kindOurs")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === "guest"} onChange={() => setKind("guest")} className="size-4" />
          {t("kindGuest")}
        </label>
      </fieldset>
      <FormMessage notice={notice} />
      {kind === "ours" ? (
        <Field name="userId" label={t("person")} errors={errors.userId}>
          {(p) => (
            <select {...p} defaultValue="">
              <option value="">{t("choose")}</option>
              {people.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name ? `${u.name} (${u.email})` : u.email}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="name" label={t("name")} errors={errors.name}>
            {(p) => <input {...p} type="text" autoComplete="off" />}
          </Field>
          <Field name="organisation" label={t("organisation")} errors={errors.organisation}>
            {(p) => <input {...p} type="text" autoComplete="off" />}
          </Field>
        </div>
      )}
      <Field name="title" label={t("title")} errors={errors.title}>
        {(p) => <input {...p} type="text" autoComplete="off" />}
      </Field>
      <button type="submit" className={buttonClass("secondary")} disabled={pending} aria-busy={pending}>
        {pending ? tc("adding") : t("addButton")}
      </button>
    </form>
  );
}
