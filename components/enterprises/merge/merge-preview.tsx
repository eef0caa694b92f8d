"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { mergeEnterprises } from "@/lib/enterprises/actions/merge-enterprises";
import type { FillableField } from "@/lib/enterprises/merge/record";
import type { MergePreview, MergeSide } from "@/lib/enterprises/merge/queries";
import { countryName, primaryName } from "@/lib/i18n/display";
import { ModalMessage } from "@/components/ui/modal";
import { QueryIsland } from "@/components/query-island";

const COUNT_KEYS = ["contacts", "visits", "projects", "followUps", "stops", "participants", "delegationLinks", "chainNodes"] as const;

interface Props {
  survivorId: string;
  mergedId: string;
  /** The version of the merged record as the page showed it: a change since then is a conflict. */
  mergedVersion: number;
  onBack: () => void;
  onBusy: (busy: boolean) => void;
}

function MergePreviewPanelInner({ survivorId, mergedId, mergedVersion, onBack, onBusy }: Props) {
  const t = useTranslations("merge");
  const te = useTranslations("enterprises");
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The chosen result's button is gone: start reading and tabbing from this step instead.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.focus(), []);
  const queryKey = ["merge-preview", survivorId, mergedId];
  const preview = useQuery({
    queryKey,
    queryFn: async () => {
      const params = new URLSearchParams({ survivor: survivorId, merged: mergedId });
      const response = await fetch(`/api/enterprises/merge/preview?${params}`);
      const body = (await response.json().catch(() => ({}))) as MergePreview & { error?: string };
      if (!response.ok) throw new Error(body.error ?? response.statusText);
      return body as MergePreview;
    },
    staleTime: 0,
    retry: false,
  });

  function valueOf(side: MergeSide, field: FillableField): string {
    const v = side[field];
    if (v == null) return "—";
    if (field === "size") return te(`sizes.${v as NonNullable<MergeSide["size"]>}`);
    if (field === "ownership") return te(`ownerships.${v as NonNullable<MergeSide["ownership"]>}`);
    return String(v);
  }

  function confirm() {
    if (!preview.data) return;
    const { survivor } = preview.data;
    onBusy(true);
    startTransition(async () => {
      const result = await mergeEnterprises({ survivorId, mergedId, survivorVersion: survivor.version, mergedVersion });
      onBusy(false);
      if (result.ok) {
        toast.success(t("merged", { name: primaryName(preview.data.merged, locale).first }));
        router.push(`/enterprises/${survivorId}`);
        return;
      }
      setMessage(result.message);
      // Someone changed one of the two: show both as they are now before another try.
      router.refresh();
      await queryClient.invalidateQueries({ queryKey });
    });
  }

  if (preview.isPending || preview.isError) {
    return (
      <div ref={top} tabIndex={-1} className="space-y-4 outline-none">
        {preview.isPending ? <p aria-live="polite" className="text-sm text-slate-600">{t("loadingPreview")}</p> : <ModalMessage message={preview.error.message} />}
        <Button variant="secondary" onClick={onBack}>{t("back")}</Button>
      </div>
    );
  }

  const { survivor, merged, filled, aliasesAdded } = preview.data;
  const list = (names: readonly string[]) => names.join(locale === "en" ? ", " : "、");
  const survivorName = primaryName(survivor, locale);
  const moving = COUNT_KEYS.filter((k) => merged.counts[k] > 0);

  const card = (side: MergeSide, label: string, tone: string) => {
    const name = primaryName(side, locale);
    return (
      <section aria-label={label} className={`rounded-md border p-3 ${tone}`}>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</p>
        <p className="mt-1 font-medium">{name.first}</p>
        {name.second ? <p className="text-sm text-slate-600">{name.second}</p> : null}
        {side.aliases.length ? <p className="text-sm text-slate-600">{te("fields.aliases")}: {list(side.aliases)}</p> : null}
        <p className="mt-1 font-mono text-xs text-slate-600">{side.creditCode ?? "—"}</p>
        <p className="text-xs text-slate-600">{[side.city, countryName(side.country, locale)].filter(Boolean).join(" · ")}</p>
        <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs">
          {COUNT_KEYS.map((k) => (
            <div key={k} className="flex justify-between gap-2">
              <dt className="text-slate-600">{t(`counts.${k}`)}</dt>
              <dd className="tabular-nums">{side.counts[k]}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  };

  return (
    <div ref={top} tabIndex={-1} className="space-y-4 outline-none">
      <ModalMessage message={message} />
      <div className="grid gap-3 sm:grid-cols-2">
        {card(survivor, t("keeps"), "border-brand-100 bg-brand-50")}
        {card(merged, t("goes"), "border-slate-200 bg-slate-50")}
      </div>
      <div>
        <h3 className="text-sm font-semibold">{t("willMove", { name: survivorName.first })}</h3>
        {moving.length ? (
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {moving.map((k) => (
              <li key={k} className="rounded bg-slate-100 px-2 py-0.5">
                {t(`counts.${k}`)}: <span className="tabular-nums font-medium">{merged.counts[k]}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("nothingToMove")}</p>
        )}
      </div>
      {filled.length ? (
        <div>
          <h3 className="text-sm font-semibold">{t("willFill", { name: survivorName.first })}</h3>
          <dl className="mt-1 space-y-0.5 text-sm">
            {(filled as FillableField[]).map((f) => (
              <div key={f} className="flex flex-wrap gap-x-2">
                <dt className="text-slate-600">{te(`fields.${f}`)}:</dt>
                <dd className="break-all">{valueOf(merged, f)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {aliasesAdded.length ? (
        <div>
          <h3 className="text-sm font-semibold">{t("willAlias", { name: survivorName.first })}</h3>
          <p className="mt-1 text-sm break-words">{list(aliasesAdded)}</p>
        </div>
      ) : null}
      <p className="text-xs text-slate-500">{t("undoHint")}</p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          {t("back")}
        </Button>
        <Button onClick={confirm} disabled={pending} aria-busy={pending}>
          {pending ? t("merging") : t("confirm")}
        </Button>
      </div>
    </div>
  );
}

export function MergePreviewPanel(props: Props) {
  return (
    <QueryIsland>
      <MergePreviewPanelInner {...props} />
    </QueryIsland>
  );
}
