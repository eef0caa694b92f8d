import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { TodaysStop } from "@/lib/follow-ups/my-day-stops";
import { primaryName } from "@/lib/i18n/display";
import { zoneShortName } from "@/lib/delegations/time-zones";
import { shanghaiParts, TIME_ZONE, zonedParts } from "@/lib/time";

/** My day's itinerary: today's stops of the person's delegations, each with its time and where it leads. */
export function TodaysStops({ stops }: { stops: TodaysStop[] }) {
  const t = useTranslations("followUps.myDay");
  const ts = useTranslations("delegations.stops");
  const locale = useLocale();
  return (
    <section aria-labelledby="my-day-stops" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="my-day-stops" className="text-lg font-semibold">{t("stops", { count: stops.length })}</h2>
      {stops.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noStops")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {stops.map((s) => {
            const what = s.enterpriseNameZh || s.enterpriseNameEn
              ? primaryName({ nameZh: s.enterpriseNameZh, nameEn: s.enterpriseNameEn }, locale).first
              : s.eventNameZh || s.eventNameEn
                ? primaryName({ nameZh: s.eventNameZh, nameEn: s.eventNameEn }, locale).first
                : s.place;
            return (
              <li key={s.id} data-testid="my-day-stop" className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
                {/* A stop abroad reads on its own clock, with Beijing time beside it. */}
                <span className="tabular-nums">
                  <span className="font-medium">{zonedParts(s.startsAt, s.timeZone).time}</span>
                  {s.timeZone !== TIME_ZONE ? (
                    <>
                      {" "}
                      {zoneShortName(s.startsAt, s.timeZone)} <span className="whitespace-nowrap text-slate-500">· {ts("beijingTime", { time: shanghaiParts(s.startsAt).time })}</span>
                    </>
                  ) : null}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{what}</span>
                  {s.place && s.place !== what ? <span className="text-slate-600"> · {s.place}</span> : null}
                </span>
                <Link href={`/delegations/${s.delegationId}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">
                  {s.delegationName}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
