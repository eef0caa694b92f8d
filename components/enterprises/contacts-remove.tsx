"use client";

import { useTranslations } from "next-intl";
import { useRef, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { removeContact } from "@/lib/contacts/actions/remove-contact";

/** Remove, after a confirmation in a modal dialog (Esc or Cancel keeps the contact). */
export function RemoveContactButton({ id, version, name, onRemoved }: { id: string; version: number; name: string; onRemoved: () => void }) {
  const t = useTranslations("enterpriseContacts");
  const tc = useTranslations("common");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const titleId = `remove-contact-${id}`;

  function confirm() {
    startTransition(async () => {
      const result = await removeContact({ id, version });
      dialogRef.current?.close();
      if (result.ok) {
        toast.success(t("removed", { name }));
      } else {
        toast.error(result.message);
      }
      // Either way the list should show what is saved now (a conflict means it changed).
      onRemoved();
    });
  }

  return (
    <>
      <Button variant="ghost" className="min-h-9 px-3 text-red-700 hover:bg-red-50" onClick={() => dialogRef.current?.showModal()} aria-label={t("removeNamed", { name })}>
        {tc("remove")}
      </Button>
      <dialog ref={dialogRef} aria-labelledby={titleId} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={titleId} className="text-lg font-semibold">
          {t("confirmTitle", { name })}
        </h2>
        <p className="mt-2 text-sm text-slate-600">{t("confirmBody")}</p>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
            {tc("cancel")}
          </Button>
          <Button variant="primary" className="bg-red-700 hover:bg-red-800 disabled:bg-red-700/60" disabled={pending} aria-busy={pending} onClick={confirm}>
            {pending ? t("removing") : t("confirmRemove")}
          </Button>
        </div>
      </dialog>
    </>
  );
}
