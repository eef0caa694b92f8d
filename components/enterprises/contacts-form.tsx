"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { addContact } from "@/lib/contacts/actions/add-contact";
import { updateContact } from "@/lib/contacts/actions/update-contact";
import { CONTACT_FORM_FIELDS, type ContactFormField, type ContactFormValues } from "@/lib/contacts/form";
import type { SavedVersion } from "@/lib/enterprises/form-values";
import { ConflictPanel, differingFields, readFields, replayEdits } from "./conflict-panel";

const EMPTY: ContactFormValues = { name: "", title: "", phone: "", email: "", wechat: "", language: "", notes: "" };

type Props =
  | { mode: "add"; enterpriseId: string; onDone: (saved: boolean) => void }
  | { mode: "edit"; id: string; version: number; values: ContactFormValues; onDone: (saved: boolean) => void };

/** Adds a contact or edits one over the version it was loaded at; a stale edit shows the conflict. */
export function ContactForm(props: Props) {
  const t = useTranslations("enterpriseContacts");
  const tf = useTranslations("enterpriseForm");
  const edit = props.mode === "edit" ? props : null;
  const formRef = useRef<HTMLFormElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<ContactFormValues>(edit?.values ?? EMPTY);
  const [defaults, setDefaults] = useState<ContactFormValues>(loaded);
  const [version, setVersion] = useState(edit?.version ?? 0);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [conflict, setConflict] = useState<{ saved: SavedVersion<ContactFormValues>; typed: ContactFormValues } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (conflict) panelRef.current?.focus();
  }, [conflict]);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[name="name"]')?.focus();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = edit ? await updateContact(data) : await addContact(data);
      if (result.ok) {
        toast.success(edit ? t("updated") : t("added"));
        props.onDone(true);
        return;
      }
      const current = (result.details as { current?: SavedVersion<ContactFormValues> } | undefined)?.current;
      setConflict(current ? { saved: current, typed: readFields(CONTACT_FORM_FIELDS, data) } : null);
      setErrors(result.fieldErrors ?? {});
      setNotice(current ? null : { tone: "error", text: result.message });
      const firstInvalid = Object.keys(result.fieldErrors ?? {})[0];
      if (!current && firstInvalid) formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
    });
  }

  function restart(saved: SavedVersion<ContactFormValues>, values: ContactFormValues, text: string) {
    setLoaded(saved.values);
    setDefaults(values);
    setVersion(saved.version);
    setConflict(null);
    setErrors({});
    setNotice({ tone: "info", text });
    setFormKey((k) => k + 1);
  }

  const label = (f: ContactFormField) => t(`fields.${f}`);
  const shown = (v: string) => v.trim() || t("notSet");
  const text = (f: Exclude<ContactFormField, "notes">, type = "text", extra: Record<string, string> = {}) => (
    <Field name={f} label={label(f)} hint={f === "phone" || f === "email" ? t(`hints.${f}`) : undefined} errors={errors[f]}>
      {(p) => <input {...p} type={type} defaultValue={defaults[f]} {...extra} />}
    </Field>
  );

  return (
    <form key={formKey} ref={formRef} onSubmit={onSubmit} noValidate aria-label={edit ? t("editTitle") : t("addTitle")} className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3 sm:p-4">
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <input type="hidden" name="enterpriseId" value={props.mode === "add" ? props.enterpriseId : ""} />
      )}
      {notice ? (
        <p role="status" className={`rounded-md border px-3 py-2 text-sm ${notice.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900"}`}>
          {notice.text}
        </p>
      ) : null}
      {conflict ? (
        <ConflictPanel
          ref={panelRef}
          updatedBy={conflict.saved.updatedBy}
          updatedAt={conflict.saved.updatedAt}
          rows={differingFields(CONTACT_FORM_FIELDS, conflict.saved.values, conflict.typed).map((f) => ({
            field: f,
            label: label(f),
            theirs: shown(conflict.saved.values[f]),
            yours: shown(conflict.typed[f]),
          }))}
          onUseTheirs={() => restart(conflict.saved, conflict.saved.values, tf("conflict.reloaded"))}
          onKeepMine={() => restart(conflict.saved, replayEdits(CONTACT_FORM_FIELDS, loaded, conflict.saved.values, conflict.typed), tf("conflict.replayed"))}
        />
      ) : null}
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
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => props.onDone(false)}>
          {t("cancel")}
        </Button>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? t("saving") : edit ? t("save") : t("add")}
        </button>
      </div>
    </form>
  );
}
