"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { buttonClass } from "@/components/ui/button";
import { deleteVisit } from "@/lib/visits/actions/delete-visit";

/** Delete with a confirmation step; the dialog is a native <dialog>, so Escape cancels it. */
export function DeleteVisit({ id, version }: { id: string; version: number }) {
  const t = useTranslations("visits.detail");
  const tc = useTranslations("common");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await deleteVisit({ id, version });
      if (result.ok) {
        toast.success(t("deleted"));
        router.push("/visits");
        return;
      }
      setMessage(result.message);
    });
  }

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={buttonClass("secondary", "text-red-700")}>
        {t("delete")}
      </button>
      <dialog ref={dialog} aria-labelledby={`delete-${id}`} className="m-auto max-w-sm rounded-lg p-5 backdrop:bg-slate-900/40">
        <p id={`delete-${id}`} className="text-base">
          {t("deleteConfirm")}
        </p>
        {message ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {message}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className={buttonClass("secondary")}>
            {tc("cancel")}
          </button>
          <button type="button" onClick={confirm} disabled={pending} aria-busy={pending} className={buttonClass("primary", "bg-red-700 hover:bg-red-800")}>
            {tc("delete")}
          </button>
        </div>
      </dialog>
    </>
  );
}
