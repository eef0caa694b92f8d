import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DeleteDelegationButton } from "@/components/delegations/delete-delegation";
import { Itinerary } from "@/components/delegations/itinerary";
import { LinkedEnterprises } from "@/components/delegations/linked-enterprises";
import { MembersSection } from "@/components/delegations/members-section";
import { Panel } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDelegation, listEventChoices, listMemberCandidates } from "@/lib/delegations/queries";
import { stopView } from "@/lib/delegations/stop-view";
import { primaryName } from "@/lib/i18n/display";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordPage } from "@/lib/record-page";
import { TIME_ZONE } from "@/lib/time";

const load = recordPage(getDelegation);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await load((await params).id);
  return { title: detail.delegation.name };
}

export default async function DelegationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, detail } = await load(id);
  const [t, dir, tc, locale, people, events] = await Promise.all([
    getTranslations("delegations"),
    getTranslations("delegations.directions"),
    getTranslations("common"),
    getLocale(),
    detail.canEdit ? listMemberCandidates(db) : Promise.resolve([]),
    detail.canEdit ? listEventChoices(db) : Promise.resolve([]),
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
    <ClientMessages namespaces={["delegations.delete", "delegations.linked", "delegations.members", "delegations.roles", "delegations.stops", "delegations.zones", "enterpriseForm.conflict", "enterprisePicker"]}>
      <div className="space-y-6">
        <PageHeader
          back={{ href: "/delegations", label: t("back") }}
          title={d.name}
          subtitle={
            <p className="text-sm">
              <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800" data-testid="delegation-direction">
                {dir(d.direction)}
              </span>
            </p>
          }
          actions={
            <>
              <Link href={`/delegations-print/${id}`} className={buttonClass("secondary")}>
                {t("printItinerary")}
              </Link>
              {detail.canEdit ? (
                <>
                  <Link href={`/delegations/${id}/edit`} className={buttonClass("primary")}>
                    {tc("edit")}
                  </Link>
                  <DeleteDelegationButton id={id} version={d.version} name={d.name} />
                </>
              ) : null}
            </>
          }
        />
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
                defaultZone={stops.at(-1)?.timeZone ?? TIME_ZONE}
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
