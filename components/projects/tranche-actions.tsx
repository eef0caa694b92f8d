"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ScopedField } from "@/components/follow-ups/field";
import { Button, buttonClass } from "@/components/ui/button";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { DANGER_BUTTON, Modal, ModalMessage } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { type AmountUnit, CURRENCIES } from "@/lib/money";
import { deleteFundTranche } from "@/lib/projects/actions/delete-tranche";
import { updateFundTranche } from "@/lib/projects/actions/update-tranche";
import type { TrancheFormValues } from "@/lib/projects/tranches";

export interface TrancheForCorrection {
  id: string;
  version: number;
  receivedOn: string;
  /** The stored amount in the largest unit that keeps it exact. */
  amount: string;
  unit: AmountUnit;
  currency: string;
  note: string | null;
}

/** Correct and Delete beside a tranche, for a manager of the project's team or an admin; each asks why. */
export function TrancheActions({ tranche, date, today }: { tranche: TrancheForCorrection; date: string; today: string }) {
  const t = useTranslations("projects.tranches");
  const tc = useTranslations("common");
  const [open, setOpen] = useState<"correct" | "delete" | null>(null);
  // Each opening starts a fresh form: no errors or typing left from the last time.
  const [opened, setOpened] = useState(0);
  const show = (which: "correct" | "delete") => {
    setOpened((n) => n + 1);
    setOpen(which);
  };
  const close = () => setOpen(null);
  return (
    <span className="flex w-full gap-2">
      <Button variant="ghost" className="min-h-9 px-2" aria-label={t("correctLabel", { date })} onClick={() => show("correct")}>
        {t("correct")}
      </Button>
      <Button variant="ghost" className="min-h-9 px-2" aria-label={t("deleteLabel", { date })} onClick={() => show("delete")}>
        {tc("delete")}
      </Button>
      <CorrectDialog key={`correct-${opened}`} open={open === "correct"} tranche={tranche} date={date} today={today} onClose={close} />
      <DeleteDialog key={`delete-${opened}`} open={open === "delete"} tranche={tranche} date={date} onClose={close} />
    </span>
  );
}

function ReasonField({ id, errors, defaultValue }: { id: string; errors?: string[]; defaultValue?: string }) {
  const t = useTranslations("projects.tranches");
  return (
    <ScopedField id={`${id}-reason`} name="reason" label={t("reason")} errors={errors}>
      {(p) => (
        <>
          <textarea {...p} rows={2} maxLength={1000} required defaultValue={defaultValue} aria-describedby={[`${id}-reason-hint`, p["aria-describedby"]].filter(Boolean).join(" ")} />
          <span id={`${id}-reason-hint`} className="block text-xs text-slate-500">
            {t("reasonHint")}
          </span>
        </>
      )}
    </ScopedField>
  );
}

function CorrectDialog({ open, tranche, date, today, onClose }: { open: boolean; tranche: TrancheForCorrection; date: string; today: string; onClose: () => void }) {
  const t = useTranslations("projects.tranches");
  const tf = useTranslations("projects.form");
  const tc = useTranslations("common");
  const values: TrancheFormValues = { receivedOn: tranche.receivedOn, amount: tranche.amount, unit: tranche.unit, currency: tranche.currency, note: tranche.note ?? "", reason: "" };
  const form = useActionForm({ action: updateFundTranche, success: t("corrected"), onSuccess: onClose, edit: { version: tranche.version, values } });
  const { errors, notice, pending, onSubmit, formKey, formRef, version, defaults, conflict } = form;
  const v = defaults ?? values;
  const id = `tranche-${tranche.id}`;
  const labels: Record<Exclude<keyof TrancheFormValues, "reason">, string> = { receivedOn: t("receivedOn"), amount: t("amount"), unit: tf("unit"), currency: tf("currency"), note: t("note") };
  return (
    <Modal open={open} onClose={onClose} title={t("correctTitle", { date })} busy={pending}>
      <form key={formKey} ref={formRef} noValidate onSubmit={onSubmit} className="space-y-3">
        <ModalMessage message={conflict ? null : (notice?.text ?? null)} />
        <ConflictPanel
          form={form}
          title={t("conflict")}
          label={(f) => labels[f as keyof typeof labels] ?? f}
          shown={(f, value) => (f === "unit" ? tf(`units.${value as AmountUnit}`) : String(value))}
          fields={Object.keys(labels) as (keyof typeof labels)[]}
        />
        <input type="hidden" name="id" value={tranche.id} />
        <input type="hidden" name="version" value={version} />
        <div className="grid grid-cols-2 gap-3">
          <ScopedField id={`${id}-receivedOn`} name="receivedOn" label={t("receivedOn")} errors={errors.receivedOn}>
            {(p) => <input {...p} type="date" max={today} defaultValue={v.receivedOn} data-autofocus />}
          </ScopedField>
          <ScopedField id={`${id}-amount`} name="amount" label={t("amount")} errors={errors.amount}>
            {(p) => <input {...p} type="text" inputMode="decimal" autoComplete="off" defaultValue={v.amount} />}
          </ScopedField>
          <ScopedField id={`${id}-unit`} name="unit" label={tf("unit")} errors={errors.unit}>
            {(p) => (
              <select {...p} defaultValue={v.unit}>
                {(["yuan", "wan", "yi"] as const).map((u) => (
                  <option key={u} value={u}>
                    {tf(`units.${u}`)}
                  </option>
                ))}
              </select>
            )}
          </ScopedField>
          <ScopedField id={`${id}-currency`} name="currency" label={tf("currency")} errors={errors.currency}>
            {(p) => (
              <select {...p} defaultValue={v.currency}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </ScopedField>
        </div>
        <ScopedField id={`${id}-note`} name="note" label={t("note")} errors={errors.note}>
          {(p) => <input {...p} type="text" maxLength={500} defaultValue={v.note} />}
        </ScopedField>
        <ReasonField id={id} errors={errors.reason} defaultValue={v.reason} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {tc("cancel")}
          </Button>
          <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
            {pending ? tc("saving") : t("saveCorrection")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DeleteDialog({ open, tranche, date, onClose }: { open: boolean; tranche: TrancheForCorrection; date: string; onClose: () => void }) {
  const t = useTranslations("projects.tranches");
  const tc = useTranslations("common");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: deleteFundTranche, success: t("deleted"), onSuccess: onClose });
  const id = `tranche-${tranche.id}-delete`;
  return (
    <Modal open={open} onClose={onClose} title={t("deleteTitle", { date })} busy={pending}>
      <form
        noValidate
        onSubmit={onSubmit}
        className="space-y-3"
      >
        <ModalMessage message={notice?.text ?? null} />
        <p className="text-sm text-slate-700">{t("deleteBody")}</p>
        <input type="hidden" name="id" value={tranche.id} />
        <input type="hidden" name="version" value={tranche.version} />
        <ReasonField id={id} errors={errors.reason} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus onClick={onClose} disabled={pending}>
            {tc("cancel")}
          </Button>
          <button type="submit" className={DANGER_BUTTON} disabled={pending} aria-busy={pending}>
            {pending ? tc("saving") : tc("delete")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
