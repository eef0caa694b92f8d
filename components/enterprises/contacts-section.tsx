"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { contactFormValues } from "@/lib/contacts/form";
import { languageName } from "@/lib/i18n/display";
import type { EnterpriseContact } from "@/lib/enterprises/detail-queries";
import { ContactForm } from "./contacts-form";
import { RemoveContactButton } from "./contacts-remove";

/**
 * The enterprise's contacts. Editors get add, edit and remove in place (one form open at a
 * time); everyone else sees the list only. The server actions check the same rule again.
 */
export function ContactsSection({ enterpriseId, contacts, canEdit }: { enterpriseId: string; contacts: EnterpriseContact[]; canEdit: boolean }) {
  const t = useTranslations("enterpriseContacts");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState<string | null>(null);

  // A saved contact refreshes the page itself (components/ui/use-action-form.ts).
  const done = () => setOpen(null);

  return (
    <div className="space-y-3">
      {contacts.length === 0 && open !== "new" ? <p className="text-sm text-slate-500">{canEdit ? t("emptyEditable") : t("empty")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {contacts.map((c) => (
          <li key={c.id} className="py-3 first:pt-0">
            {open === c.id ? (
              <ContactForm key={c.version} mode="edit" id={c.id} version={c.version} values={contactFormValues(c)} onDone={done} />
            ) : (
              <ContactCard contact={c}>
                {canEdit && open === null ? (
                  <div className="flex gap-1">
                    <Button variant="ghost" className="min-h-9 px-3" onClick={() => setOpen(c.id)} aria-label={t("editNamed", { name: c.name })}>
                      {tc("edit")}
                    </Button>
                    <RemoveContactButton id={c.id} version={c.version} name={c.name} onRemoved={() => router.refresh()} />
                  </div>
                ) : null}
              </ContactCard>
            )}
          </li>
        ))}
      </ul>
      {canEdit ? (
        open === "new" ? (
          <ContactForm mode="add" enterpriseId={enterpriseId} onDone={done} />
        ) : open === null ? (
          <Button variant="secondary" onClick={() => setOpen("new")}>
            {t("addTitle")}
          </Button>
        ) : null
      ) : null}
    </div>
  );
}

function ContactCard({ contact: c, children }: { contact: EnterpriseContact; children: ReactNode }) {
  const t = useTranslations("enterpriseContacts");
  const locale = useLocale();
  const row = (label: string, value: ReactNode) => (
    <div className="flex gap-2">
      <dt className="w-20 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
  return (
    <article aria-label={c.name} className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <h3 className="font-medium">
          {c.name}
          {c.title ? <span className="font-normal text-slate-600"> · {c.title}</span> : null}
        </h3>
        <dl className="space-y-0.5 text-sm">
          {c.phone ? row(t("fields.phone"), <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">{c.phone}</a>) : null}
          {c.email ? row(t("fields.email"), <a href={`mailto:${c.email}`} className="inline-flex min-h-11 items-center break-all text-brand-700 hover:underline sm:min-h-0">{c.email}</a>) : null}
          {c.wechat ? row(t("fields.wechat"), c.wechat) : null}
          {c.language ? row(t("fields.language"), languageName(c.language, locale)) : null}
          {c.notes ? row(t("fields.notes"), <span className="whitespace-pre-line">{c.notes}</span>) : null}
        </dl>
      </div>
      {children}
    </article>
  );
}
