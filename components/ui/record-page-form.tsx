"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action-core";
import { ConflictPanel } from "./conflict-panel";
import { FormMessage } from "./form-message";
import type { FieldOf, FormValue, FormValues } from "./form-values";
import { RecordForm } from "./record-form";
import { type FieldErrors, useActionForm } from "./use-action-form";

/** A page form's record: a new one, or an edit over the version the page loaded. */
export type PageFormRecord<V> = { mode: "create" } | { mode: "edit"; id: string; version: number; values: V };

type Save = (data: FormData) => Promise<ActionResult<{ id: string }>>;

interface Props<V extends FormValues<V>> {
  record: PageFormRecord<V>;
  /** The records' list, e.g. "/events": the saved record opens below it, and Cancel goes back to it (or to the record edited). */
  list: string;
  save: { create: Save; update: Save };
  /**
   * The form's catalogue (e.g. "events.form"): the toasts after a save (created, saved), the create
   * button, the conflict panel's title (conflict), and each field's label, which the panel names it by.
   */
  t: (key: "created" | "saved" | "create" | "conflict" | FieldOf<V>) => string;
  /** How a choice reads in the conflict panel: its name rather than its value. */
  shown: (field: FieldOf<V>, value: FormValue) => string;
  /** The inputs, with the errors beside them and the values they start from. */
  children: (fields: { errors: FieldErrors; values: V | undefined }) => ReactNode;
}

/**
 * The form of a record's own "new" or "edit" page (a delegation, an event): it creates the
 * record or saves the edit, opens the record, and answers a conflict with the other person's values.
 */
export function RecordPageForm<V extends FormValues<V>>({ record, list, save, t, shown, children }: Props<V>) {
  const tc = useTranslations("common");
  const edit = record.mode === "edit" ? record : null;
  const form = useActionForm({
    action: (data: FormData) => (edit ? save.update(data) : save.create(data)),
    success: edit ? t("saved") : t("created"),
    open: (data) => `${list}/${data.id}`,
    edit,
  });

  return (
    <RecordForm
      form={form}
      recordId={edit?.id}
      cancel={{ label: tc("cancel"), href: edit ? `${list}/${edit.id}` : list }}
      submit={edit ? tc("saveChanges") : t("create")}
      saving={tc("saving")}
    >
      <FormMessage notice={form.notice} />
      <ConflictPanel form={form} title={t("conflict")} label={(f) => t(f)} shown={shown} />
      {children({ errors: form.errors, values: form.defaults })}
    </RecordForm>
  );
}
