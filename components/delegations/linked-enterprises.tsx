"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { RowActionButton } from "@/components/ui/row-action-button";
import { linkEnterpriseToDelegation } from "@/lib/delegations/actions/link-enterprise";
import { unlinkEnterpriseFromDelegation } from "@/lib/delegations/actions/unlink-enterprise";
import type { DelegationDetail } from "@/lib/delegations/queries";
import { primaryName } from "@/lib/i18n/display";
import { RoleField, useRoleLabel } from "./role-field";

type Linked = DelegationDetail["linked"][number];

/** Enterprises the delegation visits or receives, each in a role; linkable from either side. */
export function LinkedEnterprises({ delegationId, linked, canEdit }: { delegationId: string; linked: Linked[]; canEdit: boolean }) {
  const t = useTranslations("delegations.linked");
  const locale = useLocale();
  const roleLabel = useRoleLabel();
  const { errors, notice, pending, onSubmit } = useActionForm({ action: linkEnterpriseToDelegation, success: t("linkedToast") });
  return (
    <div className="space-y-4">
      {linked.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {linked.map((l) => {
            const name = primaryName(l, locale).first;
            return (
              <li key={l.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <div className="min-w-0">
                  <Link href={`/enterprises/${l.enterpriseId}`} className="font-medium text-brand-700 hover:underline">
                    {name}
                  </Link>
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{roleLabel(l.role)}</span>
                </div>
                {canEdit ? (
                  <RowActionButton run={() => unlinkEnterpriseFromDelegation({ id: l.id })} done={t("unlinked")} label={t("unlink", { name })}>
                    {t("unlinkShort")}
                  </RowActionButton>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <form
          key={linked.length}
          noValidate
          onSubmit={onSubmit}
          className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
        >
          <input type="hidden" name="delegationId" value={delegationId} />
          <FormMessage notice={notice} />
          <EnterprisePicker name="enterpriseId" label={t("enterprise")} errors={errors.enterpriseId} />
          <RoleField errors={errors.role} />
          <button type="submit" className={buttonClass("secondary")} disabled={pending} aria-busy={pending}>
            {pending ? t("linking") : t("link")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
