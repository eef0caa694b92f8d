"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { linkEnterpriseToDelegation } from "@/lib/delegations/actions/link-enterprise";
import { RoleField } from "./role-field";

/** Choose a delegation (filter the list by typing) and a role. */
export function LinkEnterpriseForm({ enterpriseId, choices }: { enterpriseId: string; choices: { id: string; label: string }[] }) {
  const t = useTranslations("delegations.linkFromEnterprise");
  const [filter, setFilter] = useState("");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: linkEnterpriseToDelegation, success: t("done") });
  const shown = filter.trim() ? choices.filter((c) => c.label.toLowerCase().includes(filter.trim().toLowerCase())) : choices;

  if (choices.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        {t("none")}{" "}
        <Link href="/delegations/new" className="text-brand-700 hover:underline">
          {t("create")}
        </Link>
      </p>
    );
  }
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-3"
      aria-label={t("title")}
    >
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <FormMessage notice={notice} />
      {choices.length > 8 ? (
        <Field name="delegationFilter" label={t("search")}>
          {(p) => <input {...p} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />}
        </Field>
      ) : null}
      <Field name="delegationId" label={t("delegation")} errors={errors.delegationId}>
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">{t("choose")}</option>
            {shown.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RoleField errors={errors.role} />
      <button type="submit" className={buttonClass("secondary")} disabled={pending} aria-busy={pending}>
        {pending ? t("linking") : t("link")}
      </button>
    </form>
  );
}
