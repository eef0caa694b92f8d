import "server-only";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import {
  auditLog,
  contacts,
  delegationEnterprises,
  delegations,
  eventParticipants,
  events,
  followUps,
  itineraryStops,
  projects,
  stageChanges,
  users,
  visits,
} from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCursor, encodeCursor } from "@/lib/paging";
import { visibleProjects } from "@/lib/projects/visibility";
import { shanghaiInstantSql } from "@/lib/sql";

export const TIMELINE_PAGE_SIZE = 15;
/** The most entries the page lists at once from the newest; older ones page on their own. */
export const TIMELINE_MAX_SHOWN = 195;

export type TimelineKind = "visit" | "event" | "delegation" | "stop" | "followUp" | "stage" | "edit";

export interface TimelineItem {
  kind: TimelineKind;
  /** Unique across kinds; audit rows get a synthetic uuid so one keyset covers everything. */
  key: string;
  at: Date;
  /** The record the item links to: visit, event, delegation, project; null when there is none. */
  refId: string | null;
  titleZh: string | null;
  titleEn: string | null;
  summary: string | null;
  actorName: string | null;
  /** Kind-specific facts: roles, stages, status, due date, changed fields. */
  meta: Record<string, unknown>;
}

// Bookkeeping columns an edit entry does not list as "changed".
const NOT_FIELDS = ["id", "createdAt", "createdBy", "updatedAt", "updatedBy", "version", "deletedAt", "searchTerms", "nameKey", "enterpriseId", "mergedIntoId"];

function timelineUnion(viewer: Viewer, enterpriseId: string) {
  const visible = visibleProjects(viewer);
  const objectOf = (column: unknown) => sql`case when jsonb_typeof(${column}) = 'object' then ${column} else '{}'::jsonb end`;
  const changedFields = sql`(
    select coalesce(jsonb_agg(k order by k), '[]'::jsonb) from (
      select jsonb_object_keys(${objectOf(auditLog.after)}) as k union select jsonb_object_keys(${objectOf(auditLog.before)})
    ) keys
    where ${auditLog.before} is not null and ${auditLog.after} is not null
      and k <> all (${sql.raw(`array[${NOT_FIELDS.map((f) => `'${f}'`).join(", ")}]`)})
      and (${auditLog.before} -> k) is distinct from (${auditLog.after} -> k))`;

  return sql`
    select 'visit' as "kind", ${visits.occurredAt} as "at", ${visits.id} as "key", ${visits.id}::text as "refId",
      ${visits.place} as "titleZh", null::text as "titleEn", ${visits.summary} as "summary", ${users.name} as "actorName",
      jsonb_build_object('outcome', ${visits.outcome}) as "meta"
    from ${visits} left join ${users} on ${users.id} = ${visits.ownerId}
    where ${visits.enterpriseId} = ${enterpriseId} and ${visits.deletedAt} is null

    union all
    select 'event', ${shanghaiInstantSql(events.startsOn)}, ${eventParticipants.id}, ${events.id}::text,
      ${events.nameZh}, ${events.nameEn}, null, null,
      jsonb_build_object('role', ${eventParticipants.role}, 'eventKind', ${events.kind}, 'city', ${events.city},
        'startsOn', ${events.startsOn}, 'endsOn', ${events.endsOn})
    from ${eventParticipants} join ${events} on ${events.id} = ${eventParticipants.eventId}
    where ${eventParticipants.enterpriseId} = ${enterpriseId} and ${eventParticipants.deletedAt} is null and ${events.deletedAt} is null

    union all
    select 'delegation', ${shanghaiInstantSql(delegations.startsOn)}, ${delegationEnterprises.id}, ${delegations.id}::text,
      ${delegations.name}, null, ${delegations.purpose}, null,
      jsonb_build_object('role', ${delegationEnterprises.role}, 'direction', ${delegations.direction},
        'startsOn', ${delegations.startsOn}, 'endsOn', ${delegations.endsOn})
    from ${delegationEnterprises} join ${delegations} on ${delegations.id} = ${delegationEnterprises.delegationId}
    where ${delegationEnterprises.enterpriseId} = ${enterpriseId} and ${delegationEnterprises.deletedAt} is null
      and ${delegations.deletedAt} is null

    union all
    select 'stop', ${itineraryStops.startsAt}, ${itineraryStops.id}, ${delegations.id}::text,
      ${delegations.name}, null, ${itineraryStops.note}, null,
      jsonb_build_object('place', ${itineraryStops.place}, 'status', ${itineraryStops.status})
    from ${itineraryStops} join ${delegations} on ${delegations.id} = ${itineraryStops.delegationId}
    where ${itineraryStops.enterpriseId} = ${enterpriseId} and ${itineraryStops.deletedAt} is null and ${delegations.deletedAt} is null
      -- a stop that became a visit is told by the visit
      and not exists (select 1 from ${visits} where ${visits.id} = ${itineraryStops.visitId} and ${visits.deletedAt} is null)

    union all
    select 'followUp', coalesce(${followUps.completedAt}, ${followUps.createdAt}), ${followUps.id}, ${followUps.projectId}::text,
      ${followUps.title}, null, ${followUps.outcome}, ${users.name},
      jsonb_build_object('status', ${followUps.status}, 'dueOn', ${followUps.dueOn}, 'followUpKind', ${followUps.kind})
    from ${followUps} left join ${users} on ${users.id} = ${followUps.assigneeId}
    where ${followUps.enterpriseId} = ${enterpriseId} and ${followUps.deletedAt} is null
      -- a follow-up about a confidential project would reveal it
      and (${followUps.projectId} is null or exists (select 1 from ${projects} where ${projects.id} = ${followUps.projectId} and ${visible}))

    union all
    select 'stage', ${stageChanges.changedAt}, ${stageChanges.id}, ${projects.id}::text,
      ${projects.name}, null, ${stageChanges.reason}, ${users.name},
      jsonb_build_object('from', ${stageChanges.fromStage}, 'to', ${stageChanges.toStage}, 'state', ${stageChanges.state})
    from ${stageChanges} join ${projects} on ${projects.id} = ${stageChanges.projectId}
      left join ${users} on ${users.id} = ${stageChanges.changedBy}
    where ${projects.enterpriseId} = ${enterpriseId} and ${stageChanges.deletedAt} is null and ${visible}

    union all
    select 'edit', ${auditLog.at}, ('00000000-0000-4000-8000-' || lpad(to_hex(${auditLog.id}), 12, '0'))::uuid, ${auditLog.entityId},
      case when ${auditLog.entityType} = 'contact' then coalesce(${auditLog.after} ->> 'name', ${auditLog.before} ->> 'name') end,
      null, null, ${users.name},
      jsonb_build_object('action', ${auditLog.action}, 'entityType', ${auditLog.entityType}, 'fields', ${changedFields})
    from ${auditLog} left join ${users} on ${users.id} = ${auditLog.actorId}
    where (${auditLog.entityType} = 'enterprise' and ${auditLog.entityId} = ${enterpriseId}::text)
      or (${auditLog.entityType} = 'contact' and ${auditLog.entityId} in (
        select ${contacts.id}::text from ${contacts} where ${contacts.enterpriseId} = ${enterpriseId}))`;
}

interface Row extends Omit<TimelineItem, "at" | "meta"> {
  atIso: string;
  atText: string;
  meta: Record<string, unknown> | string | null;
}

/**
 * Everything that happened with an enterprise, newest first: visits, events, delegations and
 * their stops, follow-ups, stage changes of projects the caller may see, and edits. One query,
 * keyset-paged on (time, key); `after` is the opaque cursor of the previous page.
 */
export async function listEnterpriseTimeline(
  db: Db,
  viewer: Viewer,
  enterpriseId: string,
  opts: { after?: string | null; limit?: number } = {},
): Promise<{ items: TimelineItem[]; next: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? TIMELINE_PAGE_SIZE, 1), 200);
  const after = decodeCursor(opts.after);
  const rows = await queryRows<Row>(
    db,
    sql`select t.*, t."at"::text as "atText",
        to_char(t."at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "atIso"
      from (${timelineUnion(viewer, enterpriseId)}) t
      ${after ? sql`where (t."at", t."key") < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by t."at" desc, t."key" desc
      limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ atIso, atText: _t, meta, ...row }) => ({
      ...row,
      key: String(row.key),
      at: new Date(atIso),
      meta: (typeof meta === "string" ? JSON.parse(meta) : meta) ?? {},
    })),
    next: rows.length > limit && last ? encodeCursor({ at: last.atText, id: String(last.key) }) : null,
  };
}
