import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VisitForm } from "@/components/visits/visit-form";
import { getDb } from "@/db";
import { requireCreator } from "@/lib/record-page";
import { zoneKey, zoneShortName } from "@/lib/delegations/time-zones";
import { addDays, shanghaiDateTimeInput, shanghaiDay, TIME_ZONE, zonedParts } from "@/lib/time";
import { uuidParam } from "@/lib/validation";
import { type VisitPrefill, prefillFromEnterprise, prefillFromEvent, prefillFromStop } from "@/lib/visits/prefill";
import { visitPeople } from "@/lib/visits/people";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("newTitle") };
}

type Search = Promise<{ stop?: string | string[]; enterprise?: string | string[]; event?: string | string[] }>;
const idOf = (v: string | string[] | undefined) => (typeof v === "string" && uuidParam.safeParse(v).success ? v : null);

/** The visit log: blank, or started from an itinerary stop (?stop=), an enterprise or an event. */
export default async function NewVisitPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireCreator();
  const q = await searchParams;
  const db = await getDb();
  const [stopId, enterpriseId, eventId] = [idOf(q.stop), idOf(q.enterprise), idOf(q.event)];
  const t = await getTranslations("visits");

  let prefill: VisitPrefill | null = null;
  if (stopId) {
    const found = await prefillFromStop(db, viewer, stopId);
    if (!found) notFound();
    if ("doneVisitId" in found) {
      return (
        <div className="mx-auto max-w-2xl space-y-4">
          <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
          <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {t("stopDone")}{" "}
            {found.doneVisitId ? (
              <Link href={`/visits/${found.doneVisitId}`} className="font-medium underline">
                {t("openStopVisit")}
              </Link>
            ) : null}
          </p>
        </div>
      );
    }
    prefill = found;
  } else if (eventId) {
    prefill = await prefillFromEvent(db, eventId);
    if (!prefill) notFound();
  }
  if (enterpriseId && !prefill?.enterprise) {
    const fromEnterprise = await prefillFromEnterprise(db, enterpriseId);
    if (!fromEnterprise) notFound();
    prefill = { ...(prefill ?? fromEnterprise), enterprise: fromEnterprise.enterprise };
  }

  const people = await visitPeople(db, viewer, []);
  // A stop abroad: the form takes Beijing time, and says what that is on the stop's own clock.
  let localTime: string | null = null;
  if (prefill?.occurredAt && prefill.timeZone && prefill.timeZone !== TIME_ZONE) {
    const [zones, local] = [await getTranslations("delegations.zones"), zonedParts(prefill.occurredAt, prefill.timeZone)];
    const key = zoneKey(prefill.timeZone);
    localTime = t("localTime", { time: `${local.date} ${local.time} ${zoneShortName(prefill.occurredAt, prefill.timeZone)}`, zone: zones.has(key as never) ? zones(key as never) : prefill.timeZone });
  }
  const today = shanghaiDay();
  const context = prefill?.delegation
    ? t("fromStop", { name: prefill.delegation.name })
    : prefill?.event
      ? t("fromEvent", { name: prefill.event.nameZh ?? prefill.event.nameEn ?? "" })
      : null;
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "enterprisePicker", "followUps.kinds", "visits"]}>
      <FormPage back={{ href: "/visits", label: t("title") }} title={t("newTitle")} subtitle={context ? <p className="text-sm text-slate-600">{context}</p> : null}>
        <VisitForm
          mode="create"
          viewerId={viewer.id}
          enterprise={prefill?.enterprise ?? null}
          stopId={prefill?.stopId ?? null}
          localTime={localTime}
          eventId={prefill?.event?.id ?? null}
          people={people}
          today={today}
          defaultDue={addDays(today, 7)}
          cancelHref={prefill?.delegation ? `/delegations/${prefill.delegation.id}` : prefill?.enterprise ? `/enterprises/${prefill.enterprise.id}` : "/visits"}
          values={{
            occurredAt: shanghaiDateTimeInput(prefill?.occurredAt ?? new Date()),
            place: prefill?.place ?? "",
            summary: "",
            outcome: "",
            ours: [viewer.id],
            theirs: [],
            theirsNew: "",
          }}
        />
      </FormPage>
    </ClientMessages>
  );
}
