import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ContactsSection } from "@/components/enterprises/contacts-section";
import { EnterpriseManageActions } from "@/components/enterprises/manage-actions";
import { Timeline } from "@/components/enterprises/timeline";
import { LinkEnterpriseToDelegation } from "@/components/delegations/link-to-delegation";
import { LinkEnterpriseToEvent } from "@/components/events/link-to-event";
import { FollowUpsSection } from "@/components/follow-ups/follow-ups-section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { AuditLogLink } from "@/components/admin/audit-log-link";
import { AttachmentsSection } from "@/components/attachments/attachments-section";
import { canCreate } from "@/lib/access";
import {
  getEnterpriseDetail,
  listEnterpriseChainNodes,
  listEnterpriseContacts,
  listEnterpriseDelegations,
  listEnterpriseEvents,
  listEnterpriseProjects,
} from "@/lib/enterprises/detail-queries";
import { listEnterpriseTimeline, TIMELINE_MAX_SHOWN, TIMELINE_PAGE_SIZE } from "@/lib/enterprises/timeline";
import { primaryName } from "@/lib/i18n/display";
import { KeyFacts } from "./_sections/facts";
import { ChainNodeList, DelegationList, EventList, ProjectList } from "./_sections/linked";
import { Section } from "./_sections/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordPage } from "@/lib/record-page";

// Metadata and page share one read per request.
const load = recordPage(getEnterpriseDetail);

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
  // ?timeline=<n> shows the newest n entries (Load more adds a page below what is shown);
  // past TIMELINE_MAX_SHOWN, ?timeline=<cursor> shows the page after that cursor on its own.
  const asked = typeof query.timeline === "string" ? query.timeline : null;
  const shown = asked && /^\d{1,4}$/.test(asked) ? Math.min(Math.max(Number(asked), TIMELINE_PAGE_SIZE), TIMELINE_MAX_SHOWN) : null;
  const after = asked && shown === null ? asked : null;
  const [contacts, nodes, projects, events, delegations, timeline, t, te, locale] = await Promise.all([
    listEnterpriseContacts(db, id),
    listEnterpriseChainNodes(db, id),
    listEnterpriseProjects(db, viewer, id),
    listEnterpriseEvents(db, id),
    listEnterpriseDelegations(db, id),
    listEnterpriseTimeline(db, viewer, id, { after, limit: shown ?? TIMELINE_PAGE_SIZE }),
    getTranslations("enterpriseDetail"),
    getTranslations("enterprises"),
    getLocale(),
  ]);
  const [tp, tv, tc] = await Promise.all([getTranslations("projects"), getTranslations("visits"), getTranslations("common")]);
  const e = detail.enterprise;
  const name = primaryName(e, locale);

  return (
    <ClientMessages namespaces={["attachments", "delegations.linkFromEnterprise", "delegations.roles", "deleted", "enterpriseContacts", "enterpriseForm", "enterprises", "events.link", "events.roles", "followUps", "merge"]}>
      <div className="space-y-6">
        <PageHeader
          back={{ href: "/enterprises", label: te("backToList") }}
          title={name.first}
          subtitle={name.second ? <p className="break-words text-slate-600">{name.second}</p> : null}
          actions={
            <>
              {detail.canEdit ? (
                <Link href={`/enterprises/${id}/edit`} className={buttonClass("primary")}>
                  {tc("edit")}
                </Link>
              ) : null}
              {canCreate(viewer) ? (
                <Link href={`/visits/new?enterprise=${id}`} className={buttonClass("secondary")}>
                  {tv("logVisit")}
                </Link>
              ) : null}
              <EnterpriseManageActions enterprise={e} viewer={viewer} />
              <AuditLogLink viewer={viewer} type="enterprise" id={id} />
            </>
          }
        />

        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Section id="facts" title={te("facts")}>
              <KeyFacts detail={detail} />
            </Section>
            <Section id="contacts" title={t("sections.contacts")} count={contacts.length}>
              <ContactsSection enterpriseId={id} contacts={contacts} canEdit={detail.canEdit} />
            </Section>
            <AttachmentsSection db={db} recordType="enterprise" recordId={id} canEdit={detail.canEdit} />
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
