"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { restoreEnterprise } from "@/lib/enterprises/actions/restore-enterprise";
import { primaryName } from "@/lib/i18n/display";
import { Modal, ModalMessage } from "@/components/ui/modal";

type Names = { nameZh: string | null; nameEn: string | null };

/** "Restore" on the Deleted page, with a confirmation that says what comes back. */
export function RestoreEnterpriseButton({ id, version, names, survivor }: { id: string; version: number; names: Names; survivor: Names | null }) {
  const t = useTranslations("deleted");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const name = primaryName(names, locale).first;
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await restoreEnterprise({ id, version });
      if (!result.ok) {
        setMessage(result.message);
        router.refresh();
        return;
      }
      setOpen(false);
      const notes = result.data.notes.map((note) => t(`notes.${note}`));
      const options = { action: { label: t("open"), onClick: () => router.push(`/enterprises/${id}`) } };
      if (notes.length) toast.warning(t("restored", { name }), { ...options, description: notes.join(" "), duration: 15_000 });
      else toast.success(t("restored", { name }), options);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => { setMessage(null); setOpen(true); }} aria-label={`${t("restore")}: ${name}`}>
        {t("restore")}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t("restoreTitle", { name })} busy={pending}>
        <ModalMessage message={message} />
        <p className="text-sm text-slate-700">{t("restoreBody")}</p>
        {survivor ? <p className="mt-2 text-sm text-slate-700">{t("restoreMergedBody", { survivor: primaryName(survivor, locale).first })}</p> : null}
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {tc("cancel")}
          </Button>
          <Button data-autofocus onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? t("restoring") : t("restore")}
          </Button>
        </div>
      </Modal>
    </>
  );
}
