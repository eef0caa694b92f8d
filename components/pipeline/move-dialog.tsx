"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from "@/lib/evidence/limits";

export interface MoveRequest {
  kind: "backward" | "verify" | "lost";
  projectName: string;
  /** Stage name (or the "lost" status) shown in the title. */
  targetLabel: string;
}

interface Props {
  request: MoveRequest | null;
  onCancel: () => void;
  onConfirm: (values: { reason?: string; evidence?: File }) => void;
}

/** Asks for what a move needs before it is sent: a reason to go back or to mark lost, evidence to verify. */
export function MoveDialog({ request, onCancel, onConfirm }: Props) {
  const t = useTranslations("pipeline.dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      setErrors({});
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!request && dialog.open) dialog.close();
  }, [request]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!request) return;
    const data = new FormData(event.currentTarget);
    const reason = String(data.get("reason") ?? "").trim();
    const file = data.get("evidence");
    const evidence = file instanceof File && (file.size > 0 || file.name) ? file : undefined;
    const next: Record<string, string[]> = {};
    if (request.kind !== "verify" && !reason) next.reason = [t("reasonRequired")];
    if (request.kind === "verify" && !evidence) next.evidence = [t("evidenceRequired")];
    // Checked here to save a 10 MB upload; the server checks size and real type again.
    if (evidence && evidence.size > EVIDENCE_MAX_BYTES) next.evidence = [t("evidenceTooLarge")];
    setErrors(next);
    if (Object.keys(next).length) return;
    onConfirm({ reason: reason || undefined, evidence });
  }

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
          <p className="text-sm text-slate-600">{t(`intro.${request.kind}`)}</p>
          {request.kind === "verify" ? (
            <Field name="evidence" label={t("evidence")} hint={t("evidenceHint")} errors={errors.evidence}>
              {(p) => <input {...p} type="file" accept={EVIDENCE_ACCEPT} data-autofocus />}
            </Field>
          ) : null}
          <Field name="reason" label={request.kind === "verify" ? t("noteOptional") : t("reason")} errors={errors.reason}>
            {(p) => <textarea {...p} rows={3} maxLength={1000} {...(request.kind === "verify" ? {} : { "data-autofocus": true })} />}
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
              {t("cancel")}
            </button>
            <button type="submit" className={buttonClass("primary")}>
              {t(`confirm.${request.kind}`)}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
