import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { DeleteDelegationButton } from "@/components/delegations/delete-delegation";
import { Itinerary } from "@/components/delegations/itinerary";
import { LinkedEnterprises } from "@/components/delegations/linked-enterprises";
import { MembersSection } from "@/components/delegations/members-section";
import { Panel } from "@/components/projects/section";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getDelegation, listEventChoices, listMemberCandidates } from "@/lib/delegations/queries";
import { stopView } from "@/lib/delegations/stop-view";
import { primaryName } from "@/lib/i18n/display";
import { uuidParam } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";

const load = cache(async (id: string) => {
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const db = await getDb();
  const detail = await getDelegation(db, viewer, id);
  if (!detail) notFound();
  return { viewer, db, detail };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await load((await params).id);
  return { title: detail.delegation.name };
}

export default async function DelegationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, db, detail } = await load(id);
  const [t, dir, locale, people, events] = await Promise.all([
    getTranslations("delegations"),
    getTranslations("delegations.directions"),
    getLocale(),
    detail.canEdit ? listMemberCandidates(db, viewer) : Promise.resolve([]),
    detail.canEdit ? listEventChoices(db, viewer) : Promise.resolve([]),
  ]);
  const d = detail.delegation;
  const stops = detail.stops.map((s) => stopView(s, locale));
  const facts: [string, string | null][] = [
    [t("form.leaderName"), [d.leaderName, d.leaderTitle].filter(Boolean).join(" · ") || null],
    [t("form.destination"), d.destination],
    [t("dates"), d.endsOn === d.startsOn ? d.startsOn : `${d.startsOn} – ${d.endsOn}`],
    [t("owner"), detail.ownerName],
  ];

  return (
    <ClientMessages namespaces={["delegations.delete", "delegations.linked", "delegations.members", "delegations.roles", "delegations.stops", "enterprisePicker"]}>
      <div className="space-y-6">
        <div className="space-y-2">
          <Link href="/delegations" className="text-sm text-brand-700 hover:underline">
            ← {t("back")}
          </Link>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0 space-y-1">
              <h1 className="text-2xl font-semibold break-words">{d.name}</h1>
              <p className="text-sm">
                <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800" data-testid="delegation-direction">
                  {dir(d.direction)}
                </span>
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Link href={`/delegations-print/${id}`} className={buttonClass("secondary")}>
                {t("printItinerary")}
              </Link>
              {detail.canEdit ? (
                <>
                  <Link href={`/delegations/${id}/edit`} className={buttonClass("primary")}>
                    {t("edit")}
                  </Link>
                  <DeleteDelegationButton id={id} version={d.version} name={d.name} />
                </>
              ) : null}
            </div>
          </div>
        </div>
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Panel id="facts" title={t("sections.facts")}>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-slate-500">{label}</dt>
                    <dd className="break-words">{value ?? "—"}</dd>
                  </div>
                ))}
              </dl>
              {d.purpose ? (
                <div className="text-sm">
                  <p className="text-slate-500">{t("form.purpose")}</p>
                  <p className="whitespace-pre-line">{d.purpose}</p>
                </div>
              ) : null}
            </Panel>
            <Panel id="itinerary" title={t("sections.itinerary")}>
              <Itinerary
                delegationId={id}
                stops={stops}
                events={events.map((e) => ({ id: e.id, label: `${primaryName(e, locale).first} · ${e.startsOn}` }))}
                canEdit={detail.canEdit}
                defaultDate={stops.at(-1)?.date ?? d.startsOn}
              />
            </Panel>
          </div>
          <div className="min-w-0 space-y-6">
            <Panel id="members" title={t("sections.members")}>
              <MembersSection delegationId={id} members={detail.members} people={people} canEdit={detail.canEdit} />
            </Panel>
            <Panel id="enterprises" title={t("sections.enterprises")}>
              <LinkedEnterprises delegationId={id} linked={detail.linked} canEdit={detail.canEdit} />
            </Panel>
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
