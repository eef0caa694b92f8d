import Link from "next/link";
import type { FormEvent, ReactNode, RefObject } from "react";
import { Button, buttonClass } from "@/components/ui/button";

/** What the frame takes of the form's submit hook (components/ui/use-action-form.ts). */
interface Submitting {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Changes when the form starts again from someone else's version: the inputs re-mount. */
  formKey: number;
  /** The version an edit is saved over. */
  version: number;
  pending: boolean;
}

interface Props {
  form: Submitting;
  /** An edit form's record: its id and version go with every save. */
  recordId?: string | null;
  /** Cancel: back to a page, or (in place) a function that closes the form. */
  cancel: { label: string } & ({ href: string } | { onClick: () => void });
  submit: string;
  /** The submit button's words while saving. */
  saving: string;
  /** The form's accessible name, where the page holds more than one. */
  label?: string;
  /** A form in a panel of a page, rather than a page of its own. */
  inset?: boolean;
  /** Buttons a thumb can hit on a phone, Save first (the visit log is filled in on the way out). */
  large?: boolean;
  children: ReactNode;
}

/**
 * The frame every create and edit form shares: the hidden id and version an edit is saved over,
 * the fields (with the form's message and conflict panel first), then Cancel and the submit button.
 */
export function RecordForm({ form: { formRef, onSubmit, formKey, version, pending }, recordId, cancel, submit, saving, label, inset = false, large = false, children }: Props) {
  const size = large ? "min-h-12 w-full text-base sm:w-auto" : "";
  const cancelButton =
    "href" in cancel ? (
      <Link href={cancel.href} className={buttonClass("secondary", size)}>
        {cancel.label}
      </Link>
    ) : (
      <Button variant="secondary" onClick={cancel.onClick}>
        {cancel.label}
      </Button>
    );
  const submitButton = (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", size)}>
      {pending ? saving : submit}
    </button>
  );
  return (
    <form
      key={formKey}
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={label}
      className={inset ? "space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3 sm:p-4" : "space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"}
    >
      {recordId ? (
        <>
          <input type="hidden" name="id" value={recordId} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      {children}
      {large ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          {submitButton}
          {cancelButton}
        </div>
      ) : (
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {cancelButton}
          {submitButton}
        </div>
      )}
    </form>
  );
}
