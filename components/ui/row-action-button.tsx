"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-core";
import { useActionForm } from "./use-action-form";

/**
 * A quiet action on one row of a list (remove a member, unlink an enterprise): no confirmation,
 * a toast either way, and the page refreshed to show what is true now.
 */
export function RowActionButton({ run, done, label, children, className = "" }: { run: () => Promise<ActionResult<unknown>>; done: string; label: string; children: ReactNode; className?: string }) {
  const router = useRouter();
  const { pending, run: send } = useActionForm<void, unknown>({
    action: run,
    success: done,
    onRefused: (result) => {
      toast.error(result.message);
      router.refresh();
    },
  });
  return (
    <button type="button" aria-label={label} disabled={pending} className={`shrink-0 text-sm text-red-700 hover:underline disabled:opacity-50 ${className}`} onClick={() => send(undefined, null)}>
      {children}
    </button>
  );
}
