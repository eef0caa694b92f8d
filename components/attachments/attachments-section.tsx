import { getFormatter, getTranslations } from "next-intl/server";
import type { Db } from "@/db";
import type { AttachmentRecordType } from "@/lib/attachments/kinds";
import { listAttachments } from "@/lib/attachments/records";
import { AttachmentRemove, AttachmentUpload } from "./attachment-upload";

/**
 * A record's files, for a page that has already shown the viewer may see the record: photos as
 * pictures, other files as links; those who may edit the record add and remove them.
 */
export async function AttachmentsSection({ db, recordType, recordId, canEdit }: { db: Db; recordType: AttachmentRecordType; recordId: string; canEdit: boolean }) {
  const [files, t, format] = await Promise.all([listAttachments(db, recordType, recordId), getTranslations("attachments"), getFormatter()]);
  return (
    <section aria-labelledby={`attachments-${recordId}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`attachments-${recordId}`} className="font-semibold">
        {t("title")} <span className="font-normal text-slate-500">({files.length})</span>
      </h2>
      {files.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {files.map((f) => (
          <li key={f.id} className="flex items-start gap-3 text-sm">
            <a href={`/api/attachments/${f.id}`} className="flex min-h-11 min-w-0 flex-1 items-start gap-3 text-brand-700 hover:underline">
              {f.contentType.startsWith("image/") ? (
                // A thumbnail of the photo itself: the route serves images inline to those who may see the record.
                // eslint-disable-next-line @next/next/no-img-element -- a private, per-user file: not for the image optimiser
                <img src={`/api/attachments/${f.id}?inline=1`} alt={t("photo", { name: f.name })} loading="lazy" className="h-20 w-20 shrink-0 rounded border border-slate-200 object-cover" />
              ) : (
                <span aria-hidden="true" className="flex h-20 w-20 shrink-0 items-center justify-center rounded border border-slate-200 bg-slate-50 text-xs font-semibold text-slate-500">
                  PDF
                </span>
              )}
              <span className="min-w-0">
                <span className="block break-all">{f.name}</span>
                <span className="block text-xs text-slate-500">
                  {t("by", { name: f.byName ?? "—", date: format.dateTime(f.createdAt, { dateStyle: "medium" }) })} · {Math.max(1, Math.round(f.size / 1024))} KB
                </span>
              </span>
            </a>
            {canEdit ? <AttachmentRemove id={f.id} version={f.version} name={f.name} /> : null}
          </li>
        ))}
      </ul>
      {canEdit ? <AttachmentUpload recordType={recordType} recordId={recordId} /> : null}
    </section>
  );
}
