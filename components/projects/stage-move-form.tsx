"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { type Stage, STAGES } from "@/db/enums";
import { EVIDENCE_ACCEPT } from "@/lib/evidence/limits";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { isBackward, needsSigning, needsVerification } from "@/lib/projects/stages";
import { SigningFields } from "./signing-fields";

interface Props {
  id: string;
  version: number;
  stage: Stage;
  canVerify: boolean;
  /** The project has a signing date: moving past 签约 again asks for nothing. */
  signed: boolean;
  currency: string;
  today: string;
}

/** Moves the project from its page: the keyboard- and phone-friendly twin of dragging a card. */
export function StageMoveForm({ id, version, stage, canVerify, signed, currency, today }: Props) {
  const t = useTranslations("projects.move");
  const stageName = useTranslations("projects.stages");
  const [to, setTo] = useState<Stage | "">("");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: moveProjectStage, success: t("saved"), onSuccess: () => setTo("") });
  const verify = to !== "" && needsVerification(stage, to);
  const backward = to !== "" && isBackward(stage, to);
  const signing = to !== "" && needsSigning(stage, to, signed);

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-3"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage notice={notice} />
      <Field name="toStage" label={t("to")} errors={errors.toStage}>
        {(p) => (
          <select {...p} value={to} onChange={(e) => setTo(e.target.value as Stage | "")}>
            <option value="">{t("choose")}</option>
            {STAGES.filter((s) => s !== stage).map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {verify ? <p className="text-sm text-slate-600">{canVerify ? t("verifyHint") : t("requestHint")}</p> : null}
      {signing ? <SigningFields currency={currency} today={today} errors={errors} hint={t("signingHint")} /> : null}
      {verify ? (
        <Field name="evidence" label={canVerify ? t("evidence") : t("evidenceOptional")} hint={t("evidenceHint")} errors={errors.evidence}>
          {(p) => <input {...p} type="file" accept={EVIDENCE_ACCEPT} />}
        </Field>
      ) : null}
      <Field name="reason" label={backward ? t("reasonRequired") : t("reason")} errors={errors.reason}>
        {(p) => <textarea {...p} rows={2} maxLength={1000} />}
      </Field>
      <button type="submit" disabled={pending || to === ""} aria-busy={pending} className={buttonClass("primary")}>
        {verify && !canVerify ? t("request") : t("submit")}
      </button>
    </form>
  );
}
