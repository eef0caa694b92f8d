import path from "node:path";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ZodType } from "zod";
import * as schema from "@/db/schema";
import type { ActionDefinition } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createChainItem, deleteChainItem, moveChainItem, renameChainItem } from "@/lib/admin/actions/chains";
import { createExchangeRate, createTeam, renameTeam } from "@/lib/admin/actions/reference-data";
import { setTeamWebhook } from "@/lib/admin/actions/team-webhook";
import { setLocale } from "@/lib/auth/actions/set-locale";
import { signOut } from "@/lib/auth/actions/sign-out";
import { revokeFeedToken } from "@/lib/calendar/actions/revoke-feed-token";
import { rotateFeedToken } from "@/lib/calendar/actions/rotate-feed-token";
import { addContact } from "@/lib/contacts/actions/add-contact";
import { removeContact } from "@/lib/contacts/actions/remove-contact";
import { updateContact } from "@/lib/contacts/actions/update-contact";
import { addDelegationMember } from "@/lib/delegations/actions/add-member";
import { addItineraryStop } from "@/lib/delegations/actions/add-stop";
import { cancelItineraryStop } from "@/lib/delegations/actions/cancel-stop";
import { createDelegation } from "@/lib/delegations/actions/create-delegation";
import { deleteDelegation } from "@/lib/delegations/actions/delete-delegation";
import { linkEnterpriseToDelegation } from "@/lib/delegations/actions/link-enterprise";
import { moveItineraryStop } from "@/lib/delegations/actions/move-stop";
import { removeDelegationMember } from "@/lib/delegations/actions/remove-member";
import { removeItineraryStop } from "@/lib/delegations/actions/remove-stop";
import { unlinkEnterpriseFromDelegation } from "@/lib/delegations/actions/unlink-enterprise";
import { updateDelegation } from "@/lib/delegations/actions/update-delegation";
import { updateItineraryStop } from "@/lib/delegations/actions/update-stop";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { deleteEnterprise } from "@/lib/enterprises/actions/delete-enterprise";
import { importEnterprises, previewImport } from "@/lib/enterprises/actions/import-enterprises";
import { mergeEnterprises } from "@/lib/enterprises/actions/merge-enterprises";
import { restoreEnterprise } from "@/lib/enterprises/actions/restore-enterprise";
import { updateEnterprise } from "@/lib/enterprises/actions/update-enterprise";
import { addParticipants } from "@/lib/events/actions/add-participants";
import { createEvent } from "@/lib/events/actions/create-event";
import { deleteEvent } from "@/lib/events/actions/delete-event";
import { removeParticipant } from "@/lib/events/actions/remove-participant";
import { updateEvent } from "@/lib/events/actions/update-event";
import { updateParticipantRole } from "@/lib/events/actions/update-participant-role";
import { cancelFollowUp } from "@/lib/follow-ups/actions/cancel-follow-up";
import { completeFollowUp } from "@/lib/follow-ups/actions/complete-follow-up";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { reassignFollowUp } from "@/lib/follow-ups/actions/reassign-follow-up";
import { rescheduleFollowUp } from "@/lib/follow-ups/actions/reschedule-follow-up";
import { addFundTranche } from "@/lib/projects/actions/add-tranche";
import { addAttachment } from "@/lib/attachments/actions/add-attachment";
import { removeAttachment } from "@/lib/attachments/actions/remove-attachment";
import { PNG_BYTES } from "./project-fixtures";
import { createProject } from "@/lib/projects/actions/create-project";
import { decideStageRequest } from "@/lib/projects/actions/decide-stage-request";
import { deleteFundTranche } from "@/lib/projects/actions/delete-tranche";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { setProjectStatus } from "@/lib/projects/actions/set-status";
import { updateFundTranche } from "@/lib/projects/actions/update-tranche";
import { updateProject } from "@/lib/projects/actions/update-project";
import { assignAlert } from "@/lib/review/actions/assign-alert";
import { setTarget } from "@/lib/review/actions/set-target";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/actions/mark-read";
import { setDigest } from "@/lib/notifications/actions/set-digest";
import { deleteView } from "@/lib/saved-views/actions/delete-view";
import { saveView } from "@/lib/saved-views/actions/save-view";
import { deactivateUser } from "@/lib/users/actions/deactivate-user";
import { reactivateUser } from "@/lib/users/actions/reactivate-user";
import { reassignWork } from "@/lib/users/actions/reassign-work";
import { setUserRole, setUserTeam } from "@/lib/users/actions/set-user-access";
import { deleteVisit } from "@/lib/visits/actions/delete-visit";
import { logVisit } from "@/lib/visits/actions/log-visit";
import { updateVisit } from "@/lib/visits/actions/update-visit";
import { serverActionFiles } from "./source-files";
import { type Persona, TARGET_YEAR, type World } from "./world";

/** What the access matrix calls the thing an action works on. */
export const ENTITIES = [
  "enterprise",
  "contact",
  "event",
  "delegation",
  "visit",
  "follow-up",
  "project",
  "confidential project",
  "stage request",
  "saved view",
  "target",
  "user",
  "reference data",
  "feed token",
  "notification",
] as const;
export type Entity = (typeof ENTITIES)[number];

export const OPERATIONS = ["read", "create", "update", "delete", "merge", "verify stage", "set targets", "manage users"] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * What the action does to the audited entity: create (before null), update (before and after,
 * different), delete (after shows it gone), or record (an entry about the caller's own act,
 * checked by `verify`).
 */
export type Change = "create" | "update" | "delete" | "record";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the catalogue holds actions of every result type
type AnyDefinition = ActionDefinition<ZodType, any>;

export interface CatalogueEntry {
  /** The exported server action. */
  action: { definition: AnyDefinition };
  /** The cell of the access matrix this action answers for. */
  entity: Entity;
  operation: Operation;
  /** A persona allowed to run it, for the audit check. */
  by: Persona;
  /** A valid input that makes a real change to the world's team-A records. */
  input: (w: World, who: Viewer) => Record<string, unknown>;
  change: Change;
  /** entity_type of the audit row to check. */
  entityType: string;
  /** The audited entity, when known before the call (updates and deletes). */
  entityId?: (w: World, who: Viewer) => string | null;
  /** Extra checks for entries whose audit row is not a stored row's snapshot. */
  verify?: (ctx: { after: unknown; before: unknown; stored: Record<string, unknown> | null; w: World; who: Viewer }) => void;
}

/** The table holding each audited entity type. */
export const AUDITED_TABLES: Record<string, PgTable> = {
  enterprise: schema.enterprises,
  contact: schema.contacts,
  event: schema.events,
  event_participant: schema.eventParticipants,
  delegation: schema.delegations,
  delegation_member: schema.delegationMembers,
  delegation_enterprise: schema.delegationEnterprises,
  itinerary_stop: schema.itineraryStops,
  visit: schema.visits,
  follow_up: schema.followUps,
  project: schema.projects,
  stage_change: schema.stageChanges,
  fund_tranche: schema.fundTranches,
  target: schema.targets,
  saved_view: schema.savedViews,
  user: schema.users,
  team: schema.teams,
  industrial_chain: schema.industrialChains,
  chain_node: schema.chainNodes,
  exchange_rate: schema.exchangeRates,
  notification: schema.notifications,
  attachment: schema.attachments,
};

const e = (entry: CatalogueEntry) => entry;
const v1 = 1;
/** A day unique to a world, for rows unique per currency and day. */
const worldDay = (w: World) => new Date(Date.UTC(2001, 0, 1) + (Number.parseInt(w.tag, 16) % 7000) * 86_400_000).toISOString().slice(0, 10);

export const CATALOGUE: CatalogueEntry[] = [
  /* enterprises */
  e({ action: createEnterprise, entity: "enterprise", operation: "create", by: "staffA", change: "create", entityType: "enterprise", input: (w, who) => ({ nameZh: `新建企业${w.tag}${who.role}`, city: "肇庆" }) }),
  e({ action: updateEnterprise, entity: "enterprise", operation: "update", by: "staffA", change: "update", entityType: "enterprise", entityId: (w) => w.ids.enterprise, input: (w) => ({ id: w.ids.enterprise, version: v1, nameZh: `星海动力科技${w.tag}有限公司`, city: "深圳", province: "广东" }) }),
  e({ action: deleteEnterprise, entity: "enterprise", operation: "delete", by: "managerA", change: "delete", entityType: "enterprise", entityId: (w) => w.ids.enterprise, input: (w) => ({ id: w.ids.enterprise, version: v1 }) }),
  e({ action: restoreEnterprise, entity: "enterprise", operation: "delete", by: "managerA", change: "update", entityType: "enterprise", entityId: (w) => w.ids.deletedEnterprise, input: (w) => ({ id: w.ids.deletedEnterprise, version: v1 }) }),
  e({ action: mergeEnterprises, entity: "enterprise", operation: "merge", by: "managerA", change: "update", entityType: "enterprise", entityId: (w) => w.ids.enterprise, input: (w) => ({ survivorId: w.ids.enterprise, mergedId: w.ids.enterprise2, survivorVersion: v1, mergedVersion: v1 }) }),
  e({ action: importEnterprises, entity: "enterprise", operation: "create", by: "staffA", change: "create", entityType: "enterprise", input: (w, who) => ({ rows: [{ row: 1, values: { nameZh: `导入企业${w.tag}${who.role}`, city: "丽水" } }] }) }),
  e({
    action: previewImport,
    entity: "enterprise",
    operation: "create",
    by: "staffA",
    change: "record",
    entityType: "enterprise",
    entityId: () => null,
    input: (w) => ({ rows: [{ row: 1, values: { nameZh: `预检企业${w.tag}` } }, { row: 2, values: { nameZh: `星海动力科技${w.tag}有限公司` } }] }),
    verify: ({ before, after }) => {
      if (before !== null) throw new Error("a dry run has nothing before");
      const a = after as { rows: number; new: number; duplicate: number };
      if (a.rows !== 2 || a.new !== 1 || a.duplicate !== 1) throw new Error(`dry-run counts ${JSON.stringify(after)}`);
    },
  }),

  /* contacts */
  e({ action: addContact, entity: "contact", operation: "create", by: "staffA", change: "create", entityType: "contact", input: (w) => ({ enterpriseId: w.ids.enterprise, name: "李助理", title: "助理" }) }),
  e({ action: updateContact, entity: "contact", operation: "update", by: "staffA", change: "update", entityType: "contact", entityId: (w) => w.ids.contact, input: (w) => ({ id: w.ids.contact, version: v1, name: "王总", title: "董事长" }) }),
  e({ action: removeContact, entity: "contact", operation: "delete", by: "staffA", change: "delete", entityType: "contact", entityId: (w) => w.ids.contact, input: (w) => ({ id: w.ids.contact, version: v1 }) }),

  /* events */
  e({ action: createEvent, entity: "event", operation: "create", by: "staffA", change: "create", entityType: "event", input: (w) => ({ kind: "forum", nameZh: `新能源论坛${w.tag}`, startsOn: "2026-09-01", endsOn: "2026-09-02" }) }),
  e({ action: updateEvent, entity: "event", operation: "update", by: "staffA", change: "update", entityType: "event", entityId: (w) => w.ids.event, input: (w) => ({ id: w.ids.event, version: v1, kind: "docking", nameZh: `对接会${w.tag}（改）`, startsOn: "2026-05-10", endsOn: "2026-05-11" }) }),
  e({ action: deleteEvent, entity: "event", operation: "delete", by: "staffA", change: "delete", entityType: "event", entityId: (w) => w.ids.event, input: (w) => ({ id: w.ids.event, version: v1 }) }),
  e({ action: addParticipants, entity: "event", operation: "create", by: "staffA", change: "create", entityType: "event_participant", input: (w) => ({ eventId: w.ids.event, rows: [{ enterpriseId: w.ids.enterprise2, role: "speaker" }] }) }),
  e({ action: updateParticipantRole, entity: "event", operation: "update", by: "staffA", change: "update", entityType: "event_participant", entityId: (w) => w.ids.participant, input: (w) => ({ id: w.ids.participant, role: "host" }) }),
  e({ action: removeParticipant, entity: "event", operation: "update", by: "staffA", change: "delete", entityType: "event_participant", entityId: (w) => w.ids.participant, input: (w) => ({ id: w.ids.participant }) }),

  /* delegations */
  e({ action: createDelegation, entity: "delegation", operation: "create", by: "staffA", change: "create", entityType: "delegation", input: (w) => ({ direction: "inbound", name: `来访团${w.tag}`, startsOn: "2026-07-01", endsOn: "2026-07-02" }) }),
  e({ action: updateDelegation, entity: "delegation", operation: "update", by: "staffA", change: "update", entityType: "delegation", entityId: (w) => w.ids.delegation, input: (w) => ({ id: w.ids.delegation, version: v1, direction: "outbound", name: `赴深圳招商${w.tag}（改）`, startsOn: "2026-06-01", endsOn: "2026-06-04" }) }),
  e({ action: deleteDelegation, entity: "delegation", operation: "delete", by: "staffA", change: "delete", entityType: "delegation", entityId: (w) => w.ids.delegation, input: (w) => ({ id: w.ids.delegation, version: v1 }) }),
  e({ action: addDelegationMember, entity: "delegation", operation: "update", by: "staffA", change: "create", entityType: "delegation_member", input: (w) => ({ delegationId: w.ids.delegation, name: "Anna Rossi", organisation: "Rossi SpA" }) }),
  e({ action: removeDelegationMember, entity: "delegation", operation: "update", by: "staffA", change: "delete", entityType: "delegation_member", entityId: (w) => w.ids.member, input: (w) => ({ id: w.ids.member }) }),
  e({ action: linkEnterpriseToDelegation, entity: "delegation", operation: "update", by: "staffA", change: "create", entityType: "delegation_enterprise", input: (w) => ({ delegationId: w.ids.delegation, enterpriseId: w.ids.enterprise2, role: "host" }) }),
  e({ action: unlinkEnterpriseFromDelegation, entity: "delegation", operation: "update", by: "staffA", change: "delete", entityType: "delegation_enterprise", entityId: (w) => w.ids.delegationEnterprise, input: (w) => ({ id: w.ids.delegationEnterprise }) }),
  e({ action: addItineraryStop, entity: "delegation", operation: "update", by: "staffA", change: "create", entityType: "itinerary_stop", input: (w) => ({ delegationId: w.ids.delegation, date: "2026-06-03", time: "10:00", timeZone: "Europe/Berlin", place: "Voltaria Batterie GmbH, Ulm", contactName: "Katrin Weber", contactPhone: "+49 731 1234 560" }) }),
  e({ action: updateItineraryStop, entity: "delegation", operation: "update", by: "staffA", change: "update", entityType: "itinerary_stop", entityId: (w) => w.ids.stop, input: (w) => ({ id: w.ids.stop, version: v1, date: "2026-06-01", time: "14:00", timeZone: "Europe/Berlin", enterpriseId: w.ids.enterprise, contactName: "Katrin Weber", contactPhone: "+49 731 1234 560", note: "改到下午" }) }),
  e({ action: cancelItineraryStop, entity: "delegation", operation: "update", by: "staffA", change: "update", entityType: "itinerary_stop", entityId: (w) => w.ids.stop, input: (w) => ({ id: w.ids.stop }) }),
  e({ action: removeItineraryStop, entity: "delegation", operation: "update", by: "staffA", change: "delete", entityType: "itinerary_stop", entityId: (w) => w.ids.stop, input: (w) => ({ id: w.ids.stop }) }),
  e({
    action: moveItineraryStop,
    entity: "delegation",
    operation: "update",
    by: "staffA",
    change: "update",
    entityType: "itinerary_stop",
    entityId: (w) => w.ids.stop2,
    input: (w) => ({ id: w.ids.stop2, direction: "up" }),
    verify: ({ before, after, w }) => {
      const order = (x: unknown) => JSON.stringify((x as { order: string[] }).order);
      if (order(before) !== JSON.stringify([w.ids.stop, w.ids.stop2])) throw new Error(`order before ${order(before)}`);
      if (order(after) !== JSON.stringify([w.ids.stop2, w.ids.stop])) throw new Error(`order after ${order(after)}`);
    },
  }),

  /* visits */
  e({ action: logVisit, entity: "visit", operation: "create", by: "staffA", change: "create", entityType: "visit", input: (w) => ({ enterpriseId: w.ids.enterprise, occurredAt: "2026-04-02T10:00", summary: "二次拜访", theirs: [w.ids.contact] }) }),
  e({ action: updateVisit, entity: "visit", operation: "update", by: "staffA", change: "update", entityType: "visit", entityId: (w) => w.ids.visit, input: (w) => ({ id: w.ids.visit, version: v1, occurredAt: "2026-04-01T10:00", summary: "首次拜访，谈及扩产" }) }),
  e({ action: deleteVisit, entity: "visit", operation: "delete", by: "staffA", change: "delete", entityType: "visit", entityId: (w) => w.ids.visit, input: (w) => ({ id: w.ids.visit, version: v1 }) }),

  /* follow-ups */
  e({ action: createFollowUp, entity: "follow-up", operation: "create", by: "staffA", change: "create", entityType: "follow_up", input: (w) => ({ enterpriseId: w.ids.enterprise, title: "电话回访", dueOn: "2099-02-01" }) }),
  e({ action: completeFollowUp, entity: "follow-up", operation: "update", by: "staffA", change: "update", entityType: "follow_up", entityId: (w) => w.ids.followUp, input: (w) => ({ id: w.ids.followUp, version: v1, outcome: "资料已寄出" }) }),
  e({ action: rescheduleFollowUp, entity: "follow-up", operation: "update", by: "staffA", change: "update", entityType: "follow_up", entityId: (w) => w.ids.followUp, input: (w) => ({ id: w.ids.followUp, version: v1, dueOn: "2099-03-01" }) }),
  e({ action: reassignFollowUp, entity: "follow-up", operation: "update", by: "staffA", change: "update", entityType: "follow_up", entityId: (w) => w.ids.followUp, input: (w) => ({ id: w.ids.followUp, version: v1, assigneeId: w.ids.staffA2 }) }),
  e({ action: cancelFollowUp, entity: "follow-up", operation: "delete", by: "staffA", change: "update", entityType: "follow_up", entityId: (w) => w.ids.followUp, input: (w) => ({ id: w.ids.followUp, version: v1, outcome: "企业已另选地址" }) }),
  e({ action: assignAlert, entity: "follow-up", operation: "create", by: "managerA", change: "create", entityType: "follow_up", input: (w, who) => ({ projectId: w.ids.project, kind: "stalled", assigneeId: who.id }) }),

  /* projects */
  e({ action: createProject, entity: "project", operation: "create", by: "staffA", change: "create", entityType: "project", input: (w) => ({ enterpriseId: w.ids.enterprise, name: `二期项目${w.tag}`, plannedAmount: "1.5", plannedUnit: "yi" }) }),
  e({
    action: updateProject,
    entity: "project",
    operation: "update",
    by: "staffA",
    change: "update",
    entityType: "project",
    entityId: (w) => w.ids.project,
    input: (w) => ({ id: w.ids.project, version: v1, status: "active", name: `电池基地${w.tag}（一期）`, plannedAmount: "6", plannedUnit: "yi", ownerId: w.as.staffA.id, teamId: w.ids.teamA }),
  }),
  e({ action: setProjectStatus, entity: "project", operation: "update", by: "staffA", change: "update", entityType: "project", entityId: (w) => w.ids.project, input: (w) => ({ id: w.ids.project, version: v1, status: "delayed" }) }),
  e({ action: moveProjectStage, entity: "project", operation: "update", by: "staffA", change: "update", entityType: "project", entityId: (w) => w.ids.project, input: (w) => ({ id: w.ids.project, version: v1, toStage: "intent", reason: "客户推迟签约" }) }),
  e({ action: addFundTranche, entity: "project", operation: "update", by: "staffA", change: "create", entityType: "fund_tranche", input: (w) => ({ projectId: w.ids.project, receivedOn: "2026-01-10", amount: "5000", unit: "wan" }) }),
  e({ action: updateFundTranche, entity: "project", operation: "update", by: "managerA", change: "update", entityType: "fund_tranche", entityId: (w) => w.ids.tranche, input: (w) => ({ id: w.ids.tranche, version: v1, receivedOn: "2026-03-16", amount: "2100", unit: "wan", currency: "CNY", reason: "银行回单金额为 2100 万元" }) }),
  e({ action: deleteFundTranche, entity: "project", operation: "update", by: "managerA", change: "delete", entityType: "fund_tranche", entityId: (w) => w.ids.tranche, input: (w) => ({ id: w.ids.tranche, version: v1, reason: "重复登记" }) }),
  e({ action: decideStageRequest, entity: "stage request", operation: "verify stage", by: "managerA", change: "update", entityType: "stage_change", entityId: (w) => w.ids.stageRequest, input: (w) => ({ requestId: w.ids.stageRequest, decision: "reject", note: "缺少营业执照" }) }),

  /* saved views */
  e({ action: saveView, entity: "saved view", operation: "create", by: "staffA", change: "create", entityType: "saved_view", input: (w) => ({ screen: "enterprises", name: `丽水企业${w.tag}`, query: "city=丽水", share: false }) }),
  e({ action: deleteView, entity: "saved view", operation: "delete", by: "staffA", change: "delete", entityType: "saved_view", entityId: (w) => w.ids.savedView, input: (w) => ({ id: w.ids.savedView }) }),

  /* targets */
  e({
    action: setTarget,
    entity: "target",
    operation: "set targets",
    by: "managerA",
    change: "update",
    entityType: "target",
    entityId: (w) => w.ids.target,
    input: (w) => ({ year: TARGET_YEAR, teamId: w.ids.teamA, version: v1, signedAmount: "12", signedUnit: "yi", fundsInPlace: "3", fundsUnit: "yi", projectsSigned: 6, projectsStarted: 3 }),
  }),

  /* people */
  e({ action: setUserRole, entity: "user", operation: "manage users", by: "admin", change: "update", entityType: "user", entityId: (w) => w.ids.staffA2, input: (w) => ({ userId: w.ids.staffA2, role: "manager", version: v1 }) }),
  e({ action: setUserTeam, entity: "user", operation: "manage users", by: "admin", change: "update", entityType: "user", entityId: (w) => w.ids.staffA2, input: (w) => ({ userId: w.ids.staffA2, teamId: w.ids.teamB, version: v1 }) }),
  e({ action: deactivateUser, entity: "user", operation: "manage users", by: "admin", change: "update", entityType: "user", entityId: (w) => w.ids.staffA2, input: (w) => ({ userId: w.ids.staffA2 }) }),
  e({
    action: reassignWork,
    entity: "user",
    operation: "manage users",
    by: "managerA",
    change: "update",
    entityType: "user",
    entityId: (w) => w.ids.staffA2,
    // staffA2's work (the confidential project, its open follow-up) to staffA, of the same team.
    input: (w) => ({ userId: w.ids.staffA2, toUserId: w.as.staffA.id }),
    verify: ({ before, after, w }) => {
      const moved = before as { projects: string[]; followUps: string[] };
      if (!moved.projects.includes(w.ids.confidentialProject) || !moved.followUps.includes(w.ids.confidentialFollowUp)) throw new Error(`moved ${JSON.stringify(before)}`);
      if ((after as { toUserId: string }).toUserId !== w.as.staffA.id) throw new Error(`after ${JSON.stringify(after)}`);
    },
  }),
  e({ action: reactivateUser, entity: "user", operation: "manage users", by: "admin", change: "update", entityType: "user", entityId: (w) => w.ids.formerStaffA, input: (w) => ({ userId: w.ids.formerStaffA }) }),
  e({ action: setLocale, entity: "user", operation: "update", by: "staffA", change: "update", entityType: "user", entityId: (_w, who) => who.id, input: () => ({ locale: "en" }) }),
  e({
    action: signOut,
    entity: "user",
    operation: "update",
    by: "staffA",
    change: "record",
    entityType: "user",
    entityId: (_w, who) => who.id,
    input: () => ({}),
    verify: ({ after }) => {
      if ((after as { signedOut?: boolean }).signedOut !== true) throw new Error(`sign-out after ${JSON.stringify(after)}`);
    },
  }),

  /* the personal calendar feed */
  e({
    action: rotateFeedToken,
    entity: "feed token",
    operation: "create",
    by: "staffA",
    change: "update",
    entityType: "user",
    entityId: (_w, who) => who.id,
    input: () => ({}),
    verify: ({ before, after, stored, w }) => {
      if ((before as { feed: string }).feed !== "on" || (after as { feed: string }).feed !== "rotated") throw new Error(`feed ${JSON.stringify({ before, after })}`);
      if (!stored?.icsToken || stored.icsToken === w.feedToken) throw new Error("the token did not change");
      if (JSON.stringify(after).includes(String(stored.icsToken))) throw new Error("the token is in the audit log");
    },
  }),
  e({
    action: revokeFeedToken,
    entity: "feed token",
    operation: "delete",
    by: "staffA",
    change: "update",
    entityType: "user",
    entityId: (_w, who) => who.id,
    input: () => ({}),
    verify: ({ before, after, stored }) => {
      if ((before as { feed: string }).feed !== "on" || (after as { feed: string }).feed !== "off") throw new Error(`feed ${JSON.stringify({ before, after })}`);
      if (stored?.icsToken !== null) throw new Error("the token is still set");
    },
  }),

  /* the inbox: one's own items */
  e({ action: addAttachment, entity: "visit", operation: "update", by: "staffA", change: "create", entityType: "attachment", input: (w) => ({ recordType: "visit", recordId: w.ids.visit, file: new File([PNG_BYTES], "拜访合影.png", { type: "image/png" }) }) }),
  e({ action: removeAttachment, entity: "visit", operation: "update", by: "staffA", change: "delete", entityType: "attachment", entityId: (w) => w.ids.attachment, input: (w) => ({ id: w.ids.attachment, version: v1 }) }),
  e({ action: markNotificationRead, entity: "notification", operation: "update", by: "staffA", change: "update", entityType: "notification", entityId: (w) => w.ids.notification, input: (w) => ({ id: w.ids.notification }) }),
  e({
    action: markAllNotificationsRead,
    entity: "notification",
    operation: "update",
    by: "staffA",
    change: "record",
    entityType: "notification",
    entityId: () => null,
    input: () => ({}),
    verify: ({ after }) => {
      if ((after as { markedRead?: number }).markedRead !== 1) throw new Error(`marked ${JSON.stringify(after)}`);
    },
  }),

  e({
    action: setDigest,
    entity: "user",
    operation: "update",
    by: "staffA",
    change: "update",
    entityType: "user",
    entityId: (_w, who) => who.id,
    input: () => ({ digest: "off" }),
    verify: ({ before, after, stored }) => {
      if ((before as { digestOptOut: boolean }).digestOptOut !== false || (after as { digestOptOut: boolean }).digestOptOut !== true) throw new Error(`digest ${JSON.stringify({ before, after })}`);
      if (stored?.digestOptOut !== true) throw new Error("the digest is still on");
    },
  }),

  /* reference data */
  e({ action: createChainItem, entity: "reference data", operation: "create", by: "admin", change: "create", entityType: "chain_node", input: (w) => ({ kind: "node", chainId: w.ids.chain, code: `cells-${w.tag}`, nameZh: "电芯", nameEn: "Cells" }) }),
  e({ action: renameChainItem, entity: "reference data", operation: "update", by: "admin", change: "update", entityType: "chain_node", entityId: (w) => w.ids.chainNode, input: (w) => ({ kind: "node", id: w.ids.chainNode, version: v1, nameZh: "动力电池系统", nameEn: "Battery systems" }) }),
  e({ action: moveChainItem, entity: "reference data", operation: "update", by: "admin", change: "update", entityType: "chain_node", entityId: (w) => w.ids.chainNode2, input: (w) => ({ kind: "node", id: w.ids.chainNode2, direction: "up" }) }),
  e({ action: deleteChainItem, entity: "reference data", operation: "delete", by: "admin", change: "delete", entityType: "chain_node", entityId: (w) => w.ids.chainNode, input: (w) => ({ kind: "node", id: w.ids.chainNode, version: v1 }) }),
  e({ action: createTeam, entity: "reference data", operation: "create", by: "admin", change: "create", entityType: "team", input: (w) => ({ code: `hydrogen-${w.tag}`, nameZh: "氢能招商组", nameEn: "Hydrogen" }) }),
  e({ action: renameTeam, entity: "reference data", operation: "update", by: "admin", change: "update", entityType: "team", entityId: (w) => w.ids.teamB, input: (w) => ({ id: w.ids.teamB, version: v1, nameZh: "储能招商组", nameEn: "Storage" }) }),
  e({
    action: setTeamWebhook,
    entity: "reference data",
    operation: "update",
    by: "admin",
    change: "update",
    entityType: "team",
    entityId: (w) => w.ids.teamB,
    input: (w) => ({ id: w.ids.teamB, version: v1, webhookUrl: "https://open.feishu.cn/open-apis/bot/v2/hook/storage", webhookFormat: "feishu" }),
    verify: ({ stored }) => {
      if (stored?.webhookUrl !== "https://open.feishu.cn/open-apis/bot/v2/hook/storage" || stored?.webhookFormat !== "feishu") throw new Error(`robot ${JSON.stringify(stored)}`);
    },
  }),
  e({ action: createExchangeRate, entity: "reference data", operation: "create", by: "admin", change: "create", entityType: "exchange_rate", input: (w) => ({ currency: "USD", validFrom: worldDay(w), rateToCny: "7.1" }) }),
];

/** Every exported server action, by file and export name. */
export async function allServerActions(root = process.cwd()) {
  const found: { file: string; name: string; definition: AnyDefinition }[] = [];
  for (const file of serverActionFiles(root)) {
    const mod = (await import(file)) as Record<string, { definition?: AnyDefinition }>;
    for (const [name, value] of Object.entries(mod)) {
      if (value?.definition) found.push({ file: path.relative(root, file), name, definition: value.definition });
    }
  }
  return found;
}
