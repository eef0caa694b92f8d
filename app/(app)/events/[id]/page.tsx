import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AddParticipantsPanel } from "@/components/events/add-participants/panel";
import { DeleteEventButton } from "@/components/events/delete-event-button";
import { ParticipantsTable } from "@/components/events/participants-table";
import { Panel } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getEvent, getEventOutcome, listEventParticipants, listEventProjects, listEventVisits } from "@/lib/events/queries";
import { WanYi } from "@/components/ui/wan-yi";
import { primaryName } from "@/lib/i18n/display";
import { TIME_ZONE } from "@/lib/time";
import { EventDates } from "../event-dates";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordPage } from "@/lib/record-page";

// Metadata and page share one read per request.
const load = recordPage(getEvent);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await load((await params).id);
  return { title: primaryName(detail.event, await getLocale()).first };
}

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, db, detail } = await load(id);
  const e = detail.event;
  const [participants, visits, projects, outcome, t, kindName, stageName, tc, locale, format] = await Promise.all([
    listEventParticipants(db, viewer, id, detail.canEdit),
    listEventVisits(db, e),
    listEventProjects(db, viewer, id),
    getEventOutcome(db, viewer, id),
    getTranslations("events"),
    getTranslations("events.kinds"),
    getTranslations("projects.stages"),
    getTranslations("common"),
    getLocale(),
    getFormatter(),
  ]);
  const name = primaryName(e, locale);
  const facts: [string, ReactNode][] = [
    [t("form.kind"), kindName(e.kind)],
    [t("dates"), <EventDates key="d" startsOn={e.startsOn} endsOn={e.endsOn} />],
    [t("form.city"), e.city],
    [t("form.venue"), e.venue],
    [t("form.host"), e.host],
    [t("owner"), detail.ownerName],
  ];

  return (
    <ClientMessages namespaces={["enterprisePicker", "enterprises", "events.add", "events.delete", "events.participants", "events.roles", "validation"]}>
      <div className="space-y-6">
        <PageHeader
          back={{ href: "/events", label: t("backToList") }}
          title={name.first}
          subtitle={name.second ? <p className="break-words text-slate-600">{name.second}</p> : null}
          actions={
            detail.canEdit ? (
              <>
                <Link href={`/events/${id}/edit`} className={buttonClass("primary")}>
                  {t("edit")}
                </Link>
                <DeleteEventButton id={id} version={e.version} name={name.first} />
              </>
            ) : null
          }
        />

        <Panel id="facts" title={t("sections.facts")}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="flex gap-2">
                <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
                <dd className="min-w-0 break-words">{value || <span className="text-slate-500">{tc("notSet")}</span>}</dd>
              </div>
            ))}
          </dl>
          {e.description ? <p className="text-sm whitespace-pre-line text-slate-700">{e.description}</p> : null}
        </Panel>

        <Panel id="participants" title={t("sections.participants", { count: participants.length })}>
          <ParticipantsTable rows={participants} eventId={id} canSign={detail.canAddParticipants} />
        </Panel>

        {detail.canAddParticipants ? (
          <Panel id="add-participants" title={t("sections.add")}>
            <AddParticipantsPanel eventId={id} />
          </Panel>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-2">
          <Panel id="projects" title={t("sections.projects")}>
            {projects.length === 0 ? (
              <p className="text-sm text-slate-500">{detail.canAddParticipants ? t("projectsEmptyHint") : t("projectsEmpty")}</p>
            ) : (
              <>
                <dl className="mb-2 grid grid-cols-3 gap-2 rounded-md bg-slate-50 p-2 text-sm" data-testid="event-outcome-totals">
                  <div>
                    <dt className="text-xs text-slate-600">{t("outcome.total")}</dt>
                    <dd className="font-semibold tabular-nums">{outcome.projects}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-600">{t("outcome.signed")}</dt>
                    <dd className="font-semibold"><WanYi yuan={outcome.signedCny} /></dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-600">{t("outcome.landed")}</dt>
                    <dd className="font-semibold"><WanYi yuan={outcome.landedCny} /></dd>
                  </div>
                </dl>
                <ul className="divide-y divide-slate-100 text-sm">
                  {projects.map((p) => (
                    <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                      <span className="min-w-0">
                        <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                          {p.name}
                        </Link>
                        <span className="block text-xs text-slate-500">{primaryName(p, locale).first}</span>
                      </span>
                      <span className="flex flex-wrap items-baseline gap-2 text-xs text-slate-600">
                        <span>
                          {t("outcome.signed")} {p.signedCny ? <WanYi yuan={p.signedCny} /> : t("outcome.notYet")}
                        </span>
                        <span>
                          {t("outcome.landed")} {p.landedCny ? <WanYi yuan={p.landedCny} /> : t("outcome.notYet")}
                        </span>
                        <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-800">{stageName(p.stage)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
          <Panel id="visits" title={t("sections.visits")}>
            <p className="text-xs text-slate-500">{t("visitsHint")}</p>
            {visits.length === 0 ? (
              <p className="text-sm text-slate-500">{t("visitsEmpty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {visits.map((v) => (
                  <li key={v.id} className="py-2">
                    <Link href={`/enterprises/${v.enterpriseId}`} className="font-medium text-brand-700 hover:underline">
                      {primaryName(v, locale).first}
                    </Link>
                    <span className="ml-2 text-slate-500">
                      {format.dateTime(v.occurredAt, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE })}
                      {v.place ? ` · ${v.place}` : ""}
                    </span>
                    {v.summary ? <p className="text-slate-700">{v.summary}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
      </div>
    </ClientMessages>
  );
}
