import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ContactsSection } from "@/components/enterprises/contacts-section";
import { EnterpriseManageActions } from "@/components/enterprises/manage-actions";
import { Timeline } from "@/components/enterprises/timeline";
import { LinkEnterpriseToDelegation } from "@/components/delegations/link-to-delegation";
import { LinkEnterpriseToEvent } from "@/components/events/link-to-event";
import { FollowUpsSection } from "@/components/follow-ups/follow-ups-section";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import {
  getEnterpriseDetail,
  listEnterpriseChainNodes,
  listEnterpriseContacts,
  listEnterpriseDelegations,
  listEnterpriseEvents,
  listEnterpriseProjects,
} from "@/lib/enterprises/detail-queries";
import { listEnterpriseTimeline } from "@/lib/enterprises/timeline";
import { primaryName } from "@/lib/i18n/display";
import { uuidParam } from "@/lib/validation";
import { KeyFacts } from "./_sections/facts";
import { ChainNodeList, DelegationList, EventList, ProjectList } from "./_sections/linked";
import { Section } from "./_sections/section";
import { ClientMessages } from "@/components/i18n/client-messages";

// Metadata and page share one read per request.
const load = cache(async (id: string) => {
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const db = await getDb();
  const detail = await getEnterpriseDetail(db, viewer, id);
  if (!detail) notFound();
  return { viewer, db, detail };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await load((await params).id);
  return { title: primaryName(detail.enterprise, await getLocale()).first };
}

export default async function EnterprisePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ timeline?: string | string[] }>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { viewer, db, detail } = await load(id);
  const after = typeof query.timeline === "string" ? query.timeline : null;
  const [contacts, nodes, projects, events, delegations, timeline, t, te, locale] = await Promise.all([
    listEnterpriseContacts(db, viewer, id),
    listEnterpriseChainNodes(db, viewer, id),
    listEnterpriseProjects(db, viewer, id),
    listEnterpriseEvents(db, viewer, id),
    listEnterpriseDelegations(db, viewer, id),
    listEnterpriseTimeline(db, viewer, id, { after }),
    getTranslations("enterpriseDetail"),
    getTranslations("enterprises"),
    getLocale(),
  ]);
  const [tp, tv] = await Promise.all([getTranslations("projects"), getTranslations("visits")]);
  const e = detail.enterprise;
  const name = primaryName(e, locale);

  return (
    <ClientMessages namespaces={["delegations.linkFromEnterprise", "delegations.roles", "deleted", "enterpriseContacts", "enterpriseForm", "enterprises", "events.link", "events.roles", "followUps", "merge"]}>
      <div className="space-y-6">
        <div className="space-y-3">
          <Link href="/enterprises" className="text-sm text-brand-700 hover:underline">
            ← {te("backToList")}
          </Link>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold break-words">{name.first}</h1>
              {name.second ? <p className="break-words text-slate-600">{name.second}</p> : null}
            </div>
            <div className="flex shrink-0 flex-wrap gap-2">
              {detail.canEdit ? (
                <Link href={`/enterprises/${id}/edit`} className={buttonClass("primary")}>
                  {t("edit")}
                </Link>
              ) : null}
              {canCreate(viewer) ? (
                <Link href={`/visits/new?enterprise=${id}`} className={buttonClass("secondary")}>
                  {tv("logVisit")}
                </Link>
              ) : null}
              <EnterpriseManageActions enterprise={e} viewer={viewer} />
            </div>
          </div>
        </div>

        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Section id="facts" title={te("facts")}>
              <KeyFacts detail={detail} />
            </Section>
            <Section id="contacts" title={t("sections.contacts")} count={contacts.length}>
              <ContactsSection enterpriseId={id} contacts={contacts} canEdit={detail.canEdit} />
            </Section>
            <Section id="projects" title={t("sections.projects")} count={projects.length}>
              <ProjectList projects={projects} />
              {canCreate(viewer) ? (
                <Link href={`/projects/new?enterprise=${id}`} className={buttonClass("secondary", "mt-3")}>
                  {tp("new")}
                </Link>
              ) : null}
            </Section>
            <Section id="follow-ups" title={t("sections.followUps")}>
              <FollowUpsSection viewer={viewer} enterpriseId={id} />
            </Section>
          </div>
          <div className="min-w-0 space-y-6">
            <Section id="chain-nodes" title={t("sections.chainNodes")}>
              <ChainNodeList nodes={nodes} />
            </Section>
            <Section id="events" title={t("sections.events")} count={events.length}>
              <EventList events={events} />
              <LinkEnterpriseToEvent enterpriseId={id} />
            </Section>
            <Section id="delegations" title={t("sections.delegations")} count={delegations.length}>
              <DelegationList delegations={delegations} />
              <LinkEnterpriseToDelegation enterpriseId={id} />
            </Section>
          </div>
          <Section id="timeline" title={t("sections.timeline")} className="min-w-0 lg:col-span-3">
            <Timeline enterpriseId={id} items={timeline.items} next={timeline.next} paged={Boolean(after)} />
          </Section>
        </div>
      </div>
    </ClientMessages>
  );
}
