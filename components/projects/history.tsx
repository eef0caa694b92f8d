import { useFormatter, useTranslations } from "next-intl";
import type { StageHistoryRow } from "@/lib/projects/queries";
import { shanghaiInstant } from "@/lib/time";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";

/** Every stage change: who, when, why, the signing it recorded, and who verified it with what evidence. */
export function StageHistory({ rows }: { rows: StageHistoryRow[] }) {
  const t = useTranslations("projects.history");
  const stageName = useTranslations("projects.stages");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (d: string) => format.dateTime(shanghaiInstant(d), { dateStyle: "medium" });
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="space-y-3" aria-label={t("label")}>
      {rows.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-2 font-medium text-slate-900">
            <span>{r.fromStage ? t("move", { from: stageName(r.fromStage), to: stageName(r.toStage) }) : t("start", { to: stageName(r.toStage) })}</span>
            {r.state !== "applied" ? (
              <span className={`rounded px-1.5 text-xs ${r.state === "pending" ? "bg-sky-100 text-sky-900" : "bg-slate-200 text-slate-700"}`}>
                {r.state === "pending" ? t("pending") : r.verifiedByName ? t("rejected") : t("withdrawn")}
              </span>
            ) : null}
          </p>
          <p className="text-slate-600">{t("by", { name: r.changedByName ?? t("unknown"), when: when(r.changedAt) })}</p>
          {r.reason ? <p className="text-slate-800">{t("reason", { reason: r.reason })}</p> : null}
          {r.signedOn && r.signedAmount && r.signedCurrency ? (
            <p className="text-slate-800">
              {t("signing", { date: day(r.signedOn) })}{" "}
              {r.signedCurrency === "CNY" ? <WanYi yuan={r.signedAmount} className="font-medium" /> : <OriginalAmount amount={r.signedAmount} currency={r.signedCurrency} />}
            </p>
          ) : null}
          {r.verifiedByName && r.verifiedAt ? (
            <p className="text-slate-600">
              {r.state === "rejected" ? t("rejectedBy", { name: r.verifiedByName, when: when(r.verifiedAt) }) : t("verifiedBy", { name: r.verifiedByName, when: when(r.verifiedAt) })}
              {r.verificationNote ? ` — ${r.verificationNote}` : null}
            </p>
          ) : null}
          {r.evidenceName ? (
            <p>
              <a href={`/api/evidence/${r.id}`} className="text-brand-700 underline">
                {t("evidence", { name: r.evidenceName })}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Days spent in each stage reached, from the history. */
export function TimeInStages({ rows, current }: { rows: { stage: StageHistoryRow["toStage"]; seconds: number }[]; current: string }) {
  const t = useTranslations("projects.timeInStage");
  const stageName = useTranslations("projects.stages");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
      {rows.map((r) => (
        <div key={r.stage} className="contents">
          <dt className={r.stage === current ? "font-medium text-slate-900" : "text-slate-700"}>
            {stageName(r.stage)}
            {r.stage === current ? ` (${t("current")})` : ""}
          </dt>
          <dd className="text-right tabular-nums text-slate-800">{t("days", { count: Math.floor(r.seconds / 86400) })}</dd>
        </div>
      ))}
    </dl>
  );
}
