"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { primaryName } from "@/lib/i18n/display";
import { QueryIsland } from "@/components/query-island";

export interface PickedEnterprise {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  city?: string | null;
  country?: string;
}

export const enterpriseSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ["enterprise-search", q],
    queryFn: async ({ signal }): Promise<PickedEnterprise[]> => {
      const res = await fetch(`/api/enterprises/search?q=${encodeURIComponent(q)}`, { signal });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()).items;
    },
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

interface Props {
  /** Name of the hidden input carrying the chosen id. */
  name: string;
  label: string;
  defaultValue?: PickedEnterprise | null;
  errors?: string[];
  onChange?: (picked: PickedEnterprise | null) => void;
}

/**
 * Pick an enterprise by typing part of its Chinese or English name: a combobox with a
 * listbox of matches, operable with arrows, Enter and Escape. The id goes in a hidden input.
 */
function EnterprisePickerInner({ name, label, defaultValue = null, errors, onChange }: Props) {
  const t = useTranslations("enterprisePicker");
  const tc = useTranslations("common");
  const locale = useLocale();
  const id = useId();
  const [picked, setPicked] = useState<PickedEnterprise | null>(defaultValue);
  const [text, setText] = useState("");
  const [debounced, setDebounced] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data = [], isFetching, isError } = useQuery(enterpriseSearchQuery(debounced));

  function choose(e: PickedEnterprise | null) {
    setPicked(e);
    setOpen(false);
    setText("");
    onChange?.(e);
  }

  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input type="hidden" name={name} value={picked?.id ?? ""} />
      {picked ? (
        <div className="flex items-center justify-between gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 text-sm sm:py-2">
          <span className="min-w-0 truncate font-medium" data-testid={`${name}-picked`}>
            {primaryName(picked, locale).first}
          </span>
          <button type="button" onClick={() => choose(null)} className="inline-flex min-h-11 shrink-0 items-center text-brand-700 hover:underline sm:min-h-0">
            {t("change")}
          </button>
        </div>
      ) : (
        <div className="relative">
          <input
            id={`${id}-input`}
            role="combobox"
            aria-expanded={open && data.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-invalid={Boolean(errors?.length)}
            aria-describedby={errors?.length ? errorId : undefined}
            aria-activedescendant={open && data[active] ? `${id}-opt-${active}` : undefined}
            value={text}
            placeholder={t("placeholder")}
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, data.length - 1));
              else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
              else if (e.key === "Escape") setOpen(false);
              else if (e.key === "Enter" && open && data[active]) {
                e.preventDefault();
                choose(data[active]);
                return;
              } else return;
              e.preventDefault();
            }}
            className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 sm:min-h-0 sm:text-sm"
          />
          {open && text.trim() ? (
            <ul id={listId} role="listbox" className="absolute z-30 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
              {data.map((e, i) => {
                const n = primaryName(e, locale);
                return (
                  <li
                    key={e.id}
                    id={`${id}-opt-${i}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseDown={(ev) => {
                      ev.preventDefault();
                      choose(e);
                    }}
                    className="cursor-pointer px-3 py-3 text-sm aria-selected:bg-brand-50 sm:py-2"
                  >
                    <span className="font-medium">{n.first}</span>
                    {n.second ? <span className="ml-2 text-xs text-slate-500">{n.second}</span> : null}
                  </li>
                );
              })}
              {data.length === 0 ? (
                <li className="px-3 py-2 text-sm text-slate-500">{isFetching ? tc("searching") : isError ? t("failed") : t("none")}</li>
              ) : null}
            </ul>
          ) : null}
        </div>
      )}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

export function EnterprisePicker(props: Props) {
  return (
    <QueryIsland>
      <EnterprisePickerInner {...props} />
    </QueryIsland>
  );
}
