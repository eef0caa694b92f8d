"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DANGER_BUTTON, Modal, ModalMessage } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action-core";

/** The dialog's words; the button, Cancel and the busy label are the common Delete, Cancel and Deleting… unless given. */
export interface ConfirmDeleteLabels {
  open?: string;
  title: string;
  body: string;
  cancel?: string;
  confirm: string;
  working?: string;
  done: string;
}

/**
 * "Delete" behind a confirmation dialog: runs the action, toasts, and leaves for `redirectTo`.
 * A refusal (a conflict, most often) stays in the dialog and reloads the page underneath so
 * a second try uses the current version.
 */
export function ConfirmDeleteButton({ labels: given, remove, redirectTo }: { labels: ConfirmDeleteLabels; remove: () => Promise<ActionResult<unknown>>; redirectTo: string }) {
  const tc = useTranslations("common");
  const labels = { open: tc("delete"), cancel: tc("cancel"), working: tc("deleting"), ...given };
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { notice, setNotice, pending, run } = useActionForm<void, unknown>({
    action: remove,
    success: labels.done,
    open: () => redirectTo,
    onSuccess: () => setOpen(false),
    onRefused: () => router.refresh(),
  });
  const confirm = () => run(undefined, null);

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setNotice(null);
          setOpen(true);
        }}
      >
        {labels.open}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={labels.title} busy={pending}>
        <ModalMessage message={notice?.text ?? null} />
        <p className="text-sm text-slate-700">{labels.body}</p>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus onClick={() => setOpen(false)} disabled={pending}>
            {labels.cancel}
          </Button>
          <button type="button" className={DANGER_BUTTON} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? labels.working : labels.confirm}
          </button>
        </div>
      </Modal>
    </>
  );
}
