"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-core";

interface Options {
  /** The create or the update action, whichever the form is doing. */
  save: (data: FormData) => Promise<ActionResult<{ id: string }>>;
  /** Where the saved record lives, e.g. (id) => `/events/${id}`. */
  pathOf: (id: string) => string;
  savedMessage: string;
  conflictMessage: string;
}

/**
 * The create/edit form pattern: submit without a full-page action (so nothing typed is lost
 * on an error), toast and open the record on success, otherwise show the message, the
 * errors by field and a conflict flag, and focus the first field in error.
 */
export function useSaveForm({ save, pathOf, savedMessage, conflictMessage }: Options) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await save(data);
      if (result.ok) {
        toast.success(savedMessage);
        router.push(pathOf(result.data.id));
        return;
      }
      setConflict(Boolean(result.details));
      setErrors(result.fieldErrors ?? {});
      setNotice(result.details ? conflictMessage : result.message);
      const first = Object.keys(result.fieldErrors ?? {})[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    });
  }

  return { formRef, errors, notice, conflict, pending, onSubmit };
}
