import type { ReactNode } from "react";

interface Props {
  /** Unique on the page: several follow-up forms can be open at once. */
  id: string;
  name: string;
  label: string;
  errors?: string[];
  children: (control: { id: string; name: string; className: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 text-slate-900 shadow-sm sm:text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** components/ui/field.tsx with a caller-chosen id, for forms repeated on one page. */
export function ScopedField({ id, name, label, errors, children }: Props) {
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, name, className: CONTROL, "aria-invalid": invalid, "aria-describedby": invalid ? errorId : undefined })}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
