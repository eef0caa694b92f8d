"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { DANGER_BUTTON, Modal, ModalMessage } from "@/components/enterprises/merge/modal";
import { Button } from "@/components/ui/button";
import { deleteDelegation } from "@/lib/delegations/actions/delete-delegation";

/** "Delete" with a confirmation step; the delegation is gone afterwards, so we go back to the list. */
export function DeleteDelegationButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("delegations.delete");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await deleteDelegation({ id, version });
      if (result.ok) {
        toast.success(t("done", { name }));
        setOpen(false);
        router.push("/delegations");
        return;
      }
      setMessage(result.message);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => { setMessage(null); setOpen(true); }}>
        {t("open")}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t("title", { name })} busy={pending}>
        <ModalMessage message={message} />
        <p className="text-sm text-slate-700">{t("body")}</p>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <button type="button" className={DANGER_BUTTON} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? t("deleting") : t("confirm")}
          </button>
        </div>
      </Modal>
    </>
  );
}
