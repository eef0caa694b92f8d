"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

/** A destructive confirm button (the shared variants have no red one). */
export const DANGER_BUTTON =
  "inline-flex min-h-10 items-center justify-center gap-2 rounded-md bg-red-700 px-4 text-sm font-medium text-white transition-colors hover:bg-red-800 disabled:cursor-not-allowed disabled:bg-red-700/60";

interface ModalProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** While a write is running, Escape does not close the dialog. */
  busy?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the browser keeps focus inside it and closes it on Escape; focus
 * starts on the element marked data-autofocus and goes back to the opener on close.
 */
export function Modal({ open, onClose, title, busy = false, wide = false, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // React's autoFocus fires before the dialog is shown, so the dialog picks its own start.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      returnTo.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      className={`m-auto w-[calc(100%-1.5rem)] ${wide ? "max-w-3xl" : "max-w-md"} rounded-lg border border-slate-200 bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? (
        <div className="max-h-[85dvh] overflow-y-auto p-4 sm:p-6">
          <h2 id={titleId} className="mb-3 text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** The dialog's own error line: read out when it appears, never an exception's text. */
export function ModalMessage({ message }: { message: string | null }) {
  return (
    <p role="alert" className={message ? "mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
      {message}
    </p>
  );
}
