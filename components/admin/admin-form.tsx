"use client";

import { useTranslations } from "next-intl";
import { ScopedField } from "@/components/follow-ups/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-core";

export interface AdminField {
  name: string;
  label: string;
  type?: "text" | "date" | "select";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  inputMode?: "decimal" | "text";
}

/**
 * The small forms of the admin pages: a few fields, errors beside each, a toast on success.
 * `id` must be unique on the page; `hidden` carries ids and versions.
 */
export function AdminForm({ id, title, run, hidden = {}, fields, submit: submitLabel, className = "" }: {
  id: string;
  title?: string;
  run: (data: FormData) => Promise<ActionResult<unknown>>;
  hidden?: Record<string, string | number>;
  fields: AdminField[];
  submit: string;
  className?: string;
}) {
  const t = useTranslations("admin");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: run, success: t("saved") });
  return (
    <form
      noValidate
      aria-label={title}
      onSubmit={onSubmit}
      className={`space-y-2 ${className}`}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage notice={notice} />
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start">
        {fields.map((f) => (
          <div key={f.name} className="sm:min-w-40 sm:flex-1">
            <ScopedField id={`${id}-${f.name}`} name={f.name} label={f.label} errors={errors[f.name]}>
              {(p) =>
                f.type === "select" ? (
                  <select {...p} defaultValue={f.defaultValue ?? ""}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>{o.label}</option>
                    ))}
                  </select>
                ) : (
                  <input {...p} type={f.type ?? "text"} inputMode={f.inputMode} defaultValue={f.defaultValue ?? ""} />
                )
              }
            </ScopedField>
            {f.hint ? <p className="text-xs text-slate-500">{f.hint}</p> : null}
          </div>
        ))}
      </div>
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "min-h-9 px-3")}>
        {submitLabel}
      </button>
    </form>
  );
}
