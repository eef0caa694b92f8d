import type { ComponentProps, ReactNode } from "react";

const CONTROL =
  "block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:min-h-0 sm:text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 border-slate-300";

interface FieldProps {
  name: string;
  /** Defaults to `field-<name>`; give one when two forms on a page share a field name. */
  id?: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (control: { id: string; name: string; className: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** Label, control, hint and the field's own error messages, wired for screen readers. */
export function Field({ name, id = `field-${name}`, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hintId, invalid ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, name, className: CONTROL, "aria-invalid": invalid, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

export function TextInput(props: ComponentProps<"input">) {
  return <input type="text" {...props} />;
}
