/** A checkbox row big enough to hit with a thumb. */
export const CHECK_ROW = "flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-base sm:text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50";

export const CONTROL =
  "block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

export function ErrorText({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700 empty:hidden">
      {errors?.join(" ")}
    </p>
  );
}

export interface Person {
  id: string;
  name: string | null;
  email: string;
}

export const personName = (p: Person) => p.name ?? p.email;
