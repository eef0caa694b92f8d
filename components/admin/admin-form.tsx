"use client";

import { useTranslations } from "next-intl";
import { ScopedField } from "@/components/follow-ups/field";
import { ConflictPanel } from "@/components/ui/conflict-panel";
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

interface Props {
  id: string;
  title?: string;
  run: (data: FormData) => Promise<ActionResult<unknown>>;
  hidden?: Record<string, string | number>;
  /**
   * The version of the record the form edits (a rename, a person's role): sent as `version`, and
   * a conflict then shows the other person's values beside the typed ones. Absent on a create form.
   */
  version?: number;
  fields: AdminField[];
  submit: string;
  className?: string;
}

/**
 * The small forms of the admin pages: a few fields, errors beside each, a toast on success.
 * `id` must be unique on the page; `hidden` carries ids. A new version from the server (after a
 * save here or anywhere) starts the form again from it.
 */
export function AdminForm(props: Props) {
  return <AdminFormAt key={props.version ?? 0} {...props} />;
}

type Values = Record<string, string>;

function AdminFormAt({ id, title, run, hidden = {}, version: loadedVersion, fields, submit: submitLabel, className = "" }: Props) {
  const t = useTranslations("admin");
  const loaded: Values = Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""]));
  const form = useActionForm<FormData, unknown, Values>({
    action: run,
    success: t("saved"),
    edit: loadedVersion === undefined ? null : { version: loadedVersion, values: loaded },
  });
  const { formRef, errors, notice, pending, onSubmit, formKey, defaults, version } = form;
  const byName = new Map(fields.map((f) => [f.name, f]));
  return (
    <form ref={formRef} noValidate aria-label={title} onSubmit={onSubmit} className={`space-y-2 ${className}`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* After "use their version" the next save goes over theirs. */}
      {loadedVersion === undefined ? null : <input type="hidden" name="version" value={version} />}
      <FormMessage notice={notice} />
      <ConflictPanel
        form={form}
        title={t("conflict")}
        label={(name) => byName.get(name)?.label ?? name}
        shown={(name, value) => byName.get(name)?.options?.find((o) => o.value === value)?.label ?? String(value)}
        fields={fields.map((f) => f.name)}
      />
      <div key={formKey} className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start">
        {fields.map((f) => (
          <div key={f.name} className="sm:min-w-40 sm:flex-1">
            <ScopedField id={`${id}-${f.name}`} name={f.name} label={f.label} errors={errors[f.name]}>
              {(p) =>
                f.type === "select" ? (
                  <select {...p} defaultValue={defaults?.[f.name] ?? f.defaultValue ?? ""}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>{o.label}</option>
                    ))}
                  </select>
                ) : (
                  <input {...p} type={f.type ?? "text"} inputMode={f.inputMode} defaultValue={defaults?.[f.name] ?? f.defaultValue ?? ""} />
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
