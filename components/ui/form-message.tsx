import type { ReactNode } from "react";
import type { Notice } from "./use-action-form";

/**
 * The line above a form's fields: a refusal (a plain string is one) as an alert, or news of what
 * the form now shows. It takes focus when a refusal names no field (components/ui/use-action-form.ts).
 */
export function FormMessage({ notice, children }: { notice: Notice | string | null | undefined; children?: ReactNode }) {
  if (!notice) return null;
  const { tone, text } = typeof notice === "string" ? { tone: "error", text: notice } : notice;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      tabIndex={-1}
      data-form-message
      className={`space-y-1 rounded-md border px-3 py-2 text-sm outline-none ${tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900"}`}
    >
      <p>{text}</p>
      {children}
    </div>
  );
}
