"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { EVIDENCE_ACCEPT } from "@/lib/evidence/limits";
import { decideStageRequest } from "@/lib/projects/actions/decide-stage-request";
import { SigningFields } from "./signing-fields";

interface Props {
  requestId: string;
  hasEvidence: boolean;
  /** Approving passes 签约 and the request carries no signing: the manager enters it. */
  signing: { currency: string; today: string } | null;
  /** Prefixes the fields' ids where several requests' forms share a page (the verification queue). */
  idPrefix?: string;
}

/** A manager's answer to a pending milestone: approve with evidence, or reject with a note. */
export function DecideRequestForm({ requestId, hasEvidence, signing, idPrefix }: Props) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : undefined);
  const t = useTranslations("projects.decide");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: decideStageRequest, success: t("saved") });
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage notice={notice} />
      {signing ? <SigningFields currency={signing.currency} today={signing.today} errors={errors} hint={t("signingHint")} idPrefix={idPrefix} /> : null}
      <Field name="evidence" id={id("evidence")} label={hasEvidence ? t("evidenceOptional") : t("evidence")} hint={t("evidenceHint")} errors={errors.evidence}>
        {(p) => <input {...p} type="file" accept={EVIDENCE_ACCEPT} />}
      </Field>
      <Field name="note" id={id("note")} label={t("note")} hint={t("noteHint")} errors={errors.note}>
        {(p) => <textarea {...p} rows={2} maxLength={1000} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className={buttonClass("primary")}>
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className={buttonClass("secondary")}>
          {t("reject")}
        </button>
      </div>
    </form>
  );
}
