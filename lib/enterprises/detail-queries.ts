import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import {
  chainNodes,
  contacts,
  delegationEnterprises,
  delegations,
  enterpriseChainNodes,
  eventParticipants,
  events,
  industrialChains,
  itineraryStops,
  projects,
  users,
} from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleProjects } from "@/lib/projects/visibility";
import { getEnterprise } from "./queries";

// Reads for the enterprise page. Enterprises, contacts, events and delegations are readable by
// every signed-in member; projects only as lib/projects/visibility.ts allows.

const LINKED_LIMIT = 100;

/** The enterprise with owner and team, and whether the caller may edit it; null when missing or deleted. */
export async function getEnterpriseDetail(db: Db, viewer: Viewer, id: string) {
  const found = await getEnterprise(db, id);
  return found ? { ...found, canEdit: canEdit(viewer, found.enterprise) } : null;
}

export type EnterpriseDetail = NonNullable<Awaited<ReturnType<typeof getEnterpriseDetail>>>;

export async function listEnterpriseContacts(db: Db, enterpriseId: string) {
  return db
    .select({
      id: contacts.id,
      version: contacts.version,
      name: contacts.name,
      title: contacts.title,
      phone: contacts.phone,
      email: contacts.email,
      wechat: contacts.wechat,
      language: contacts.language,
      notes: contacts.notes,
    })
    .from(contacts)
    .where(and(eq(contacts.enterpriseId, enterpriseId), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
}

export type EnterpriseContact = Awaited<ReturnType<typeof listEnterpriseContacts>>[number];

export async function listEnterpriseChainNodes(db: Db, enterpriseId: string) {
  return db
    .select({
      id: chainNodes.id,
      nameZh: chainNodes.nameZh,
      nameEn: chainNodes.nameEn,
      chainNameZh: industrialChains.nameZh,
      chainNameEn: industrialChains.nameEn,
    })
    .from(enterpriseChainNodes)
    .innerJoin(chainNodes, eq(chainNodes.id, enterpriseChainNodes.chainNodeId))
    .innerJoin(industrialChains, eq(industrialChains.id, chainNodes.chainId))
    .where(and(eq(enterpriseChainNodes.enterpriseId, enterpriseId), isNull(chainNodes.deletedAt), isNull(industrialChains.deletedAt)))
    .orderBy(asc(industrialChains.sortOrder), asc(chainNodes.sortOrder));
}

/** The enterprise's projects the caller may see; confidential ones of others do not appear at all. */
export async function listEnterpriseProjects(db: Db, viewer: Viewer, enterpriseId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      stage: projects.stage,
      status: projects.status,
      plannedAmount: projects.plannedAmount,
      currency: projects.currency,
      confidential: projects.confidential,
      stageChangedAt: projects.stageChangedAt,
      ownerName: users.name,
    })
    .from(projects)
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projects.enterpriseId, enterpriseId), visibleProjects(viewer)))
    .orderBy(desc(projects.stageChangedAt), desc(projects.id))
    .limit(LINKED_LIMIT);
}

export async function listEnterpriseEvents(db: Db, enterpriseId: string) {
  return db
    .select({
      id: events.id,
      kind: events.kind,
      nameZh: events.nameZh,
      nameEn: events.nameEn,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      city: events.city,
      role: eventParticipants.role,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(eq(eventParticipants.enterpriseId, enterpriseId), isNull(eventParticipants.deletedAt), isNull(events.deletedAt)))
    .orderBy(desc(events.startsOn), desc(events.id))
    .limit(LINKED_LIMIT);
}

/** Delegations linked to the enterprise, or with an itinerary stop there. */
export async function listEnterpriseDelegations(db: Db, enterpriseId: string) {
  const link = sql`(select ${delegationEnterprises.role} from ${delegationEnterprises}
    where ${delegationEnterprises.delegationId} = ${delegations.id} and ${delegationEnterprises.enterpriseId} = ${enterpriseId}
      and ${delegationEnterprises.deletedAt} is null)`;
  const stops = sql`(select count(*)::int from ${itineraryStops}
    where ${itineraryStops.delegationId} = ${delegations.id} and ${itineraryStops.enterpriseId} = ${enterpriseId}
      and ${itineraryStops.deletedAt} is null)`;
  const rows = await db
    .select({
      id: delegations.id,
      name: delegations.name,
      direction: delegations.direction,
      destination: delegations.destination,
      startsOn: delegations.startsOn,
      endsOn: delegations.endsOn,
      role: sql<string | null>`${link}`,
      stops: sql<number>`${stops}`,
    })
    .from(delegations)
    .where(
      and(
        isNull(delegations.deletedAt),
        // Both sides are indexed by enterprise, so this stays small however many delegations exist.
        sql`${delegations.id} in (
          select ${delegationEnterprises.delegationId} from ${delegationEnterprises}
            where ${delegationEnterprises.enterpriseId} = ${enterpriseId} and ${delegationEnterprises.deletedAt} is null
          union
          select ${itineraryStops.delegationId} from ${itineraryStops}
            where ${itineraryStops.enterpriseId} = ${enterpriseId} and ${itineraryStops.deletedAt} is null)`,
      ),
    )
    .orderBy(desc(delegations.startsOn), desc(delegations.id))
    .limit(LINKED_LIMIT);
  return rows.map((r) => ({ ...r, stops: Number(r.stops) }));
}
