"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { FormMessage } from "@/components/projects/form-message";
import { useActionForm } from "@/components/projects/use-action-form";
import { buttonClass } from "@/components/ui/button";
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
  const { errors, message, pending, submit } = useActionForm(linkEnterpriseToDelegation, t("linkedToast"));
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
                {canEdit ? <Unlink id={l.id} label={t("unlink", { name })} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <form
          key={linked.length}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit(e.currentTarget);
          }}
          className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
        >
          <input type="hidden" name="delegationId" value={delegationId} />
          <FormMessage text={message} />
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

function Unlink({ id, label }: { id: string; label: string }) {
  const t = useTranslations("delegations.linked");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-label={label}
      disabled={pending}
      className="shrink-0 text-sm text-red-700 hover:underline disabled:opacity-50"
      onClick={() =>
        startTransition(async () => {
          const result = await unlinkEnterpriseFromDelegation({ id });
          if (result.ok) toast.success(t("unlinked"));
          else toast.error(result.message);
          router.refresh();
        })
      }
    >
      {t("unlinkShort")}
    </button>
  );
}
