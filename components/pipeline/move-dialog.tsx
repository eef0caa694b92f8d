"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { SigningFields } from "@/components/projects/signing-fields";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from "@/lib/evidence/limits";
import { shanghaiDay } from "@/lib/time";
import { AMOUNT_PATTERN, AMOUNT_UNITS, type AmountUnit, toYuan } from "@/lib/money";

export interface MoveRequest {
  kind: "backward" | "verify" | "sign" | "lost";
  projectName: string;
  /** Stage name (or the "lost" status) shown in the title. */
  targetLabel: string;
  /** The move first reaches 签约: ask for the signing's date and amount, in the project's currency. */
  signing?: { currency: string };
  /** The move becomes a request for a manager's verification. */
  asRequest?: boolean;
}

export interface MoveValues {
  reason?: string;
  evidence?: File;
  signedOn?: string;
  signedAmount?: string;
  signedUnit?: AmountUnit;
}

interface Props {
  request: MoveRequest | null;
  onCancel: () => void;
  onConfirm: (values: MoveValues) => void;
}

/**
 * Asks for what a move needs before it is sent: a reason to go back or to mark lost, evidence to
 * verify, the signing's date and amount for a move that first reaches 签约.
 */
export function MoveDialog({ request, onCancel, onConfirm }: Props) {
  const t = useTranslations("pipeline.dialog");
  const tc = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [today, setToday] = useState("");

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      setErrors({});
      setToday(shanghaiDay());
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!request && dialog.open) dialog.close();
  }, [request]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!request) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const reason = text("reason");
    const file = data.get("evidence");
    const evidence = file instanceof File && (file.size > 0 || file.name) ? file : undefined;
    const next: Record<string, string[]> = {};
    if ((request.kind === "backward" || request.kind === "lost") && !reason) next.reason = [t("reasonRequired")];
    if (request.kind === "verify" && !evidence) next.evidence = [t("evidenceRequired")];
    // Checked here to save a 10 MB upload; the server checks size and real type again.
    if (evidence && evidence.size > EVIDENCE_MAX_BYTES) next.evidence = [t("evidenceTooLarge")];
    let signing: Pick<MoveValues, "signedOn" | "signedAmount" | "signedUnit"> = {};
    if (request.signing) {
      const signedOn = text("signedOn");
      const signedAmount = text("signedAmount");
      const unit = text("signedUnit");
      const signedUnit: AmountUnit = unit in AMOUNT_UNITS ? (unit as AmountUnit) : "wan";
      if (!signedOn) next.signedOn = [t("signedOnRequired")];
      else if (signedOn > shanghaiDay()) next.signedOn = [t("signedOnFuture")];
      if (!signedAmount) next.signedAmount = [t("signedAmountRequired")];
      else if (!AMOUNT_PATTERN.test(signedAmount)) next.signedAmount = [t("amountInvalid")];
      else if (!/[1-9]/.test(toYuan(signedAmount, signedUnit))) next.signedAmount = [t("amountPositive")];
      signing = { signedOn, signedAmount, signedUnit };
    }
    setErrors(next);
    if (Object.keys(next).length) {
      event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(next)[0]}"]`)?.focus();
      return;
    }
    onConfirm({ reason: reason || undefined, evidence, ...signing });
  }

  const reasonRequired = request?.kind === "backward" || request?.kind === "lost";

  return (
    <dialog
      ref={ref}
      aria-labelledby="move-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-1.5rem)] max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {request ? (
        <form onSubmit={submit} noValidate className="space-y-4 p-4 sm:p-6">
          <h2 id="move-dialog-title" className="text-lg font-semibold">
            {t(`title.${request.kind}`, { name: request.projectName, target: request.targetLabel })}
          </h2>
          <p className="text-sm text-slate-600">
            {t(`intro.${request.kind}`)}
            {request.asRequest ? ` ${t("intro.request")}` : null}
          </p>
          {request.signing ? <SigningFields currency={request.signing.currency} today={today} errors={errors} autoFocus /> : null}
          {request.kind === "verify" ? (
            <Field name="evidence" label={t("evidence")} hint={t("evidenceHint")} errors={errors.evidence}>
              {(p) => <input {...p} type="file" accept={EVIDENCE_ACCEPT} {...(request.signing ? {} : { "data-autofocus": true })} />}
            </Field>
          ) : null}
          <Field name="reason" label={reasonRequired ? t("reason") : request.kind === "verify" ? t("noteOptional") : t("reasonOptional")} errors={errors.reason}>
            {(p) => <textarea {...p} rows={3} maxLength={1000} {...(reasonRequired ? { "data-autofocus": true } : {})} />}
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
              {tc("cancel")}
            </button>
            <button type="submit" className={buttonClass("primary")}>
              {t(`confirm.${request.asRequest ? "request" : request.kind}`)}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
