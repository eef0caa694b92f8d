"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useTransition } from "react";

/**
 * The list's search field, inside the filter form: typing updates the URL (and so the
 * server-rendered list) after a short pause; Enter submits the form as usual. What was typed
 * before the page finished loading is searched for as soon as it has.
 */
export function SearchInput({ defaultValue }: { defaultValue?: string }) {
  const t = useTranslations("enterpriseList");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);

  function search(form: HTMLFormElement | null) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!form) return;
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === "string" && value.trim()) params.append(key, value);
      startTransition(() => router.replace(`${pathname}?${params.toString()}`, { scroll: false }));
    }, 300);
  }

  useEffect(() => {
    const field = input.current;
    if (field && field.value !== (defaultValue ?? "")) search(field.form);
    return () => clearTimeout(timer.current);
    // Once, on hydration: later changes come through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="relative min-w-0 flex-1">
      <label htmlFor="enterprise-search" className="sr-only">
        {t("search")}
      </label>
      <input
        id="enterprise-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t("searchPlaceholder")}
        autoComplete="off"
        ref={input}
        onChange={(event) => search(event.currentTarget.form)}
        className="block w-full rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 shadow-sm sm:text-sm"
      />
      <span aria-live="polite" className="absolute right-3 top-2.5 text-xs text-slate-500">
        {pending ? tc("searching") : ""}
      </span>
    </div>
  );
}
