"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { primaryName } from "@/lib/i18n/display";
import { deleteEnterprise } from "@/lib/enterprises/actions/delete-enterprise";
import { DANGER_BUTTON, Modal, ModalMessage } from "./modal";

/** "Delete" with a confirmation step; on success the record is gone, so we go back to the list. */
type Names = { nameZh: string | null; nameEn: string | null };

export function DeleteEnterpriseButton({ id, version, names }: { id: string; version: number; names: Names }) {
  const t = useTranslations("deleted");
  const name = primaryName(names, useLocale()).first;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await deleteEnterprise({ id, version });
      if (result.ok) {
        toast.success(t("delete.done", { name }));
        setOpen(false);
        router.push("/enterprises");
        return;
      }
      setMessage(result.message);
      // A conflict means the page is out of date: reload it so a second try uses the new version.
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => { setMessage(null); setOpen(true); }}>
        {t("delete.open")}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t("delete.title", { name })} busy={pending}>
        <ModalMessage message={message} />
        <p className="text-sm text-slate-700">{t("delete.body")}</p>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <button type="button" className={DANGER_BUTTON} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? t("delete.deleting") : t("delete.confirm")}
          </button>
        </div>
      </Modal>
    </>
  );
}
