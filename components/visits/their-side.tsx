"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ContactChoice } from "@/lib/visits/queries";
import { CHECK_ROW, ErrorText } from "./form-bits";
import { QueryIsland } from "@/components/query-island";

export const enterpriseContactsQuery = (enterpriseId: string | null) =>
  queryOptions({
    queryKey: ["enterprise-contacts", enterpriseId],
    queryFn: async ({ signal }): Promise<ContactChoice[]> => {
      const res = await fetch(`/api/enterprises/${enterpriseId}/contacts`, { signal });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()).items;
    },
    enabled: Boolean(enterpriseId),
    staleTime: 60_000,
  });

interface Props {
  enterpriseId: string | null;
  checked: string[];
  theirsNew: string;
  errors?: string[];
  newErrors?: string[];
}

/** Their side: the chosen enterprise's contacts as checkboxes, and a free-text "someone else". */
function TheirSideInner({ enterpriseId, checked, theirsNew, errors, newErrors }: Props) {
  const t = useTranslations("visits");
  const { data, isPending, isError } = useQuery(enterpriseContactsQuery(enterpriseId));
  const status = !enterpriseId
    ? t("hints.pickEnterpriseFirst")
    : isPending
      ? t("hints.contactsLoading")
      : isError
        ? t("hints.contactsFailed")
        : data.length === 0
          ? t("hints.noContacts")
          : null;
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? "theirs-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">{t("fields.theirs")}</legend>
      {status ? <p className="text-sm text-slate-500">{status}</p> : null}
      {data?.length ? (
        <div className="grid gap-1 sm:grid-cols-2">
          {data.map((c) => (
            // Keyed by enterprise too: a new enterprise starts with nothing ticked.
            <label key={`${enterpriseId}-${c.id}`} className={CHECK_ROW}>
              <input type="checkbox" name="theirs" value={c.id} defaultChecked={checked.includes(c.id)} className="h-5 w-5 shrink-0" />
              <span className="min-w-0 break-words">
                {c.name}
                {c.title ? <span className="ml-1 text-xs text-slate-600">{c.title}</span> : null}
              </span>
            </label>
          ))}
        </div>
      ) : null}
      <ErrorText id="theirs-error" errors={errors} />
      <div className="space-y-1">
        <label htmlFor="field-theirsNew" className="block text-sm text-slate-700">
          {t("fields.theirsNew")}
        </label>
        <input
          id="field-theirsNew"
          name="theirsNew"
          type="text"
          defaultValue={theirsNew}
          autoComplete="off"
          maxLength={1000}
          aria-invalid={Boolean(newErrors?.length)}
          aria-describedby={newErrors?.length ? "theirsNew-error" : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm"
        />
        <ErrorText id="theirsNew-error" errors={newErrors} />
      </div>
    </fieldset>
  );
}

export function TheirSide(props: Props) {
  return (
    <QueryIsland>
      <TheirSideInner {...props} />
    </QueryIsland>
  );
}
