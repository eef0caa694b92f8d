"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RowActionButton } from "@/components/ui/row-action-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAttachment } from "@/lib/attachments/actions/add-attachment";
import { removeAttachment } from "@/lib/attachments/actions/remove-attachment";
import type { AttachmentRecordType } from "@/lib/attachments/kinds";
import { EVIDENCE_ACCEPT } from "@/lib/evidence/limits";

/** Adds a file to the record; on a phone the picker offers the camera too. */
export function AttachmentUpload({ recordType, recordId }: { recordType: AttachmentRecordType; recordId: string }) {
  const t = useTranslations("attachments");
  const { formRef, errors, notice, pending, onSubmit } = useActionForm({ action: addAttachment, success: t("added") });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-2 border-t border-slate-100 pt-3">
      <FormMessage notice={notice} />
      <input type="hidden" name="recordType" value={recordType} />
      <input type="hidden" name="recordId" value={recordId} />
      <Field name="file" id={`attachment-file-${recordId}`} label={t("file")} hint={t("hint")} errors={errors.file}>
        {/* JPEG and PNG by name, not image/*: a phone's picker still offers the camera, and Apple's
            pickers hand over an iPhone's HEIC photo as JPEG, which every browser shows. */}
        {(p) => <input {...p} type="file" accept={EVIDENCE_ACCEPT} />}
      </Field>
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("secondary")}>
        {t("add")}
      </button>
    </form>
  );
}

/** Takes a file off the record. */
export function AttachmentRemove({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("attachments");
  return (
    <RowActionButton run={() => removeAttachment({ id, version })} done={t("removed")} label={t("remove", { name })} className="flex min-h-11 min-w-11 items-center justify-center text-lg">
      ×
    </RowActionButton>
  );
}
