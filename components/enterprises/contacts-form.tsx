"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RecordForm } from "@/components/ui/record-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { addContact } from "@/lib/contacts/actions/add-contact";
import { updateContact } from "@/lib/contacts/actions/update-contact";
import { CONTACT_FORM_FIELDS, type ContactFormField, type ContactFormValues } from "@/lib/contacts/form";

const EMPTY: ContactFormValues = { name: "", title: "", phone: "", email: "", wechat: "", language: "", notes: "" };

type Props =
  | { mode: "add"; enterpriseId: string; onDone: () => void }
  | { mode: "edit"; id: string; version: number; values: ContactFormValues; onDone: () => void };

/** Adds a contact or edits one over the version it was loaded at; a stale edit shows the conflict. */
export function ContactForm(props: Props) {
  const t = useTranslations("enterpriseContacts");
  const tf = useTranslations("enterpriseForm");
  const tc = useTranslations("common");
  const edit = props.mode === "edit" ? props : null;
  const form = useActionForm({
    action: (data: FormData) => (edit ? updateContact(data) : addContact(data)),
    success: edit ? t("updated") : t("added"),
    // The page refreshes under the list: the form makes way for the saved card.
    onSuccess: () => props.onDone(),
    edit,
  });
  const { formRef, errors, notice } = form;
  const defaults = form.defaults ?? EMPTY;
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[name="name"]')?.focus();
  }, [formRef]);

  const label = (f: ContactFormField) => t(`fields.${f}`);
  const text = (f: Exclude<ContactFormField, "notes">, type = "text", extra: Record<string, string> = {}) => (
    <Field name={f} label={label(f)} hint={f === "phone" || f === "email" ? t(`hints.${f}`) : undefined} errors={errors[f]}>
      {(p) => <input {...p} type={type} defaultValue={defaults[f]} {...extra} />}
    </Field>
  );

  return (
    <RecordForm
      form={form}
      recordId={edit?.id}
      cancel={{ label: tc("cancel"), onClick: props.onDone }}
      submit={edit ? t("save") : t("add")}
      saving={tc("saving")}
      label={edit ? t("editTitle") : t("addTitle")}
      inset
    >
      {props.mode === "add" ? <input type="hidden" name="enterpriseId" value={props.enterpriseId} /> : null}
      <FormMessage notice={notice} />
      <ConflictPanel form={form} title={tf("conflict.title")} label={label} fields={CONTACT_FORM_FIELDS} />
      <div className="grid gap-3 sm:grid-cols-2">
        {text("name", "text", { autoComplete: "off" })}
        {text("title")}
        {text("phone", "tel", { inputMode: "tel", autoComplete: "off" })}
        {text("email", "email", { inputMode: "email", autoComplete: "off" })}
        {text("wechat", "text", { autoComplete: "off" })}
        {text("language")}
      </div>
      <Field name="notes" label={label("notes")} errors={errors.notes}>
        {(p) => <textarea {...p} rows={2} defaultValue={defaults.notes} />}
      </Field>
    </RecordForm>
  );
}
