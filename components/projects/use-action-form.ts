"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-core";

type Errors = Record<string, string[] | undefined>;

/**
 * The small forms of the project page: call the action with the form's data, show field errors
 * beside the inputs and the message above them, toast and refresh the page on success.
 */
export function useActionForm<T>(run: (data: FormData) => Promise<ActionResult<T>>, success: string) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: HTMLFormElement, data: FormData = new FormData(form), onOk?: () => void) {
    startTransition(async () => {
      const result = await run(data);
      if (result.ok) {
        setErrors({});
        setMessage(null);
        form.reset();
        toast.success(success);
        onOk?.();
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      // A conflict means the page is stale: show the truth behind the message.
      if (result.details) router.refresh();
      const first = Object.keys(result.fieldErrors ?? {})[0];
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    });
  }
  return { errors, message, pending, submit };
}
