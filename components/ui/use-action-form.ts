"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type RefObject, useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-core";
import type { SavedVersion } from "@/lib/enterprises/form-values";
import { type FormValues, replayEdits, typedValues } from "./form-values";

export type FieldErrors = Record<string, string[] | undefined>;

/** The line above a form's fields: why it was refused, or (after a conflict) what it now shows. */
export interface Notice {
  tone: "error" | "info";
  text: string;
}

export type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** Someone else saved the record after the form loaded it: their version, and what was typed. */
export interface Conflict<V> {
  saved: SavedVersion<V>;
  typed: V;
}

interface Options<I, T, V> {
  /** The server action: the create or the update, whichever the form is doing. */
  action: (input: I) => Promise<ActionResult<T>>;
  /** The toast on success; a function of the answer when it depends on it (null: no toast). */
  success: string | null | ((data: T) => string | null);
  /** Where the saved record lives: it opens on success. Without it the page refreshes in place and the form is cleared. */
  open?: (data: T) => string;
  /** After a success, before the page moves on: close the dialog, fold the panel away. */
  onSuccess?: (data: T) => void;
  /** After a refusal, for a form that shows what the answer's details say (similar names, the visit a stop became). */
  onRefused?: (result: Refusal) => void;
  /**
   * An edit form of a versioned record: the values and version it loaded. A conflict then shows
   * the other person's saved values beside the typed ones (components/ui/conflict-panel.tsx).
   */
  edit?: { version: number; values: V } | null;
  /** The form starts again from these values after a conflict; state it keeps outside its inputs follows. */
  onRestart?: (values: V) => void;
}

/** The other person's version, when a refusal is a conflict that carries it. */
function savedVersionOf<V>(details: unknown): SavedVersion<V> | null {
  const current = (details as { current?: Partial<SavedVersion<V>> } | undefined)?.current;
  return current && typeof current.values === "object" && current.values !== null && typeof current.version === "number" ? (current as SavedVersion<V>) : null;
}

/**
 * Every form's submit: the action is called without a full-page action, so a refusal keeps
 * everything typed. On success: a toast, then the saved record opens (`open`) or the page
 * refreshes in place and the form is cleared. On a refusal: the message above the fields, the
 * errors beside them, and focus on what explains it (the conflict or details panel, the first
 * field in error, else the message). An edit form (`edit`) that meets someone else's newer
 * version gets `conflict`, and `resolve` starts the form again from their version, with or
 * without the typed edits on top; `formKey`, `defaults` and `version` are what the form renders.
 */
export function useActionForm<I = FormData, T = unknown, V extends FormValues<V> = Record<string, never>>({
  action,
  success,
  open,
  onSuccess,
  onRefused,
  edit,
  onRestart,
}: Options<I, T, V>) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  /** The form last submitted, for a form that does not hand `formRef` to its <form>. */
  const submitted = useRef<HTMLFormElement | null>(null);
  /** The panel that explains a refusal (the conflict, similar names): it takes focus when shown. */
  const panelRef = useRef<HTMLDivElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  // `loaded` is the version the typed edits started from, `defaults` what the inputs start with;
  // both move on, and `formKey` re-mounts the inputs, when a conflict is resolved.
  const [loaded, setLoaded] = useState<V | undefined>(edit?.values);
  const [defaults, setDefaults] = useState<V | undefined>(edit?.values);
  const [version, setVersion] = useState(edit?.version ?? 0);
  const [formKey, setFormKey] = useState(0);
  const [refused, setRefused] = useState<{ field: string | undefined } | null>(null);
  const [pending, startTransition] = useTransition();

  // Once a refusal has rendered, focus what explains it.
  useEffect(() => {
    if (!refused) return;
    const form = formRef.current ?? submitted.current;
    const field = refused.field ? form?.querySelector<HTMLElement>(`[name="${refused.field}"]:not([type=hidden])`) : null;
    (panelRef.current ?? field ?? form?.querySelector<HTMLElement>("[data-form-message]"))?.focus();
  }, [refused]);

  /** Sends `input` (FormData, or the payload of a form that builds its own); `typed` is what an edit form's inputs held. */
  function run(input: I, form: HTMLFormElement | null = formRef.current, typed?: V) {
    submitted.current = form;
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        setErrors({});
        setNotice(null);
        setConflict(null);
        const text = typeof success === "function" ? success(result.data) : success;
        if (text) toast.success(text);
        if (!open) form?.reset();
        onSuccess?.(result.data);
        if (open) router.push(open(result.data));
        else router.refresh();
        return;
      }
      const saved = edit && typed ? savedVersionOf<V>(result.details) : null;
      setConflict(saved && typed ? { saved, typed } : null);
      setErrors(result.fieldErrors ?? {});
      setNotice(saved ? null : { tone: "error", text: result.message });
      onRefused?.(result);
      // A conflict the form does not show means the page is stale: show the truth behind the message.
      if (result.details && !edit && !onRefused) router.refresh();
      setRefused({ field: Object.keys(result.fieldErrors ?? {})[0] });
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The pressed button's name and value go too, where it has them (approve or reject, save anyway).
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    // A file input left empty sends nothing: the browser's empty part reaches the server as a
    // nameless empty file, which the evidence check would refuse as "This file is empty".
    for (const [key, value] of [...data.entries()]) if (value instanceof File && value.size === 0 && value.name === "") data.delete(key);
    run(data as I, event.currentTarget, loaded && typedValues(loaded, data));
  }

  /** After a conflict: start again from their version, showing their values or the typed edits replayed onto them. */
  function resolve(choice: "theirs" | "mine", text: string) {
    if (!conflict || !loaded) return;
    const values = choice === "theirs" ? conflict.saved.values : replayEdits(loaded, conflict.saved.values, conflict.typed);
    setLoaded(conflict.saved.values);
    setDefaults(values);
    setVersion(conflict.saved.version);
    setConflict(null);
    setErrors({});
    setNotice({ tone: "info", text });
    setFormKey((k) => k + 1);
    onRestart?.(values);
  }

  return { formRef, panelRef, errors, setErrors, notice, setNotice, pending, onSubmit, run, conflict, resolve, defaults, version, formKey };
}

/** What the conflict panel takes of the hook. */
export interface ConflictControls<V> {
  conflict: Conflict<V> | null;
  resolve: (choice: "theirs" | "mine", text: string) => void;
  panelRef: RefObject<HTMLDivElement | null>;
}
