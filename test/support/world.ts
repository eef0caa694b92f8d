import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import {
  attachments,
  chainNodes,
  contacts,
  delegationEnterprises,
  delegationMembers,
  delegations,
  enterprises,
  eventParticipants,
  events,
  exchangeRates,
  followUps,
  fundTranches,
  industrialChains,
  itineraryStops,
  notifications,
  projects,
  savedViews,
  stageChanges,
  targets,
  users,
  visits,
} from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { searchColumns } from "@/lib/enterprises/search-index";
import { makeTeam, makeViewer } from "./fixtures";
import { PNG_BYTES } from "./project-fixtures";

/** The six people every authorisation question is asked for. */
export const PERSONAS = ["viewer", "staffA", "staffB", "managerA", "managerB", "admin"] as const;
export type Persona = (typeof PERSONAS)[number];

/** Ids of the records a world holds; everything belongs to team A unless named otherwise. */
export interface WorldIds {
  teamA: string;
  teamB: string;
  /** A second staff member of team A: owns the confidential project, a target for user administration. */
  staffA2: string;
  /** A deactivated staff member of team A, for reactivation. */
  formerStaffA: string;
  enterprise: string;
  contact: string;
  /** A second live enterprise of team A, with a similar name: a merge partner. */
  enterprise2: string;
  /** A soft-deleted enterprise of team A, for restore. */
  deletedEnterprise: string;
  event: string;
  participant: string;
  delegation: string;
  /** Two planned stops, in this order. */
  stop: string;
  stop2: string;
  member: string;
  delegationEnterprise: string;
  visit: string;
  /** Open, assigned to staffA, about `enterprise` (no project). */
  followUp: string;
  /** Open, assigned to staffA2, about the confidential project. */
  confidentialFollowUp: string;
  /** Team A, owned by staffA, at "signed", with `stageRequest` pending into "registered". */
  project: string;
  stageRequest: string;
  /** Team A, owned by staffA2, confidential, at "lead", with `confidentialStageRequest` pending into "registered". */
  confidentialProject: string;
  confidentialStageRequest: string;
  /** Funds in place: a tranche of `project`, and one of the confidential project. */
  tranche: string;
  confidentialTranche: string;
  /** staffA's personal view of the enterprise list. */
  savedView: string;
  /** An unread item of staffA's inbox: managerA gave them `followUp`. */
  notification: string;
  /** A photo on `visit`, added by staffA. */
  attachment: string;
  /** Team A's target for TARGET_YEAR. */
  target: string;
  chain: string;
  chainNode: string;
  chainNode2: string;
  exchangeRate: string;
}

export interface World {
  /** The personas as callers: staffA and managerA in team A, staffB and managerB in team B. */
  as: Record<Persona, Viewer>;
  ids: WorldIds;
  /** staffA's calendar feed token (the feed is on). */
  feedToken: string;
  /** A code unique to this world, to name new records without colliding with another world. */
  tag: string;
}

export const TARGET_YEAR = 2026;

/**
 * A fresh, deterministic set of people and records on an open test database. Each call makes
 * its own teams and users, so several worlds can share one database without seeing each other's
 * ownership; only the org-wide reads (lists, totals) see every world's rows.
 */
export async function buildWorld(db: Db): Promise<World> {
  const tag = randomBytes(3).toString("hex");
  const teamA = await makeTeam(db, `nev-${tag}`);
  const teamB = await makeTeam(db, `storage-${tag}`);
  const as: Record<Persona, Viewer> = {
    viewer: await makeViewer(db, "viewer"),
    staffA: await makeViewer(db, "staff", teamA.id),
    staffB: await makeViewer(db, "staff", teamB.id),
    managerA: await makeViewer(db, "manager", teamA.id),
    managerB: await makeViewer(db, "manager", teamB.id),
    admin: await makeViewer(db, "admin"),
  };
  const staffA2 = await makeViewer(db, "staff", teamA.id);
  const formerStaffA = await makeViewer(db, "staff", teamA.id);
  await db.update(users).set({ deactivatedAt: new Date("2026-01-05T02:00:00Z") }).where(eq(users.id, formerStaffA.id));
  const { staffA } = as;
  const feedToken = randomBytes(32).toString("base64url");
  await db.update(users).set({ icsToken: feedToken }).where(eq(users.id, staffA.id));

  const stamp = { createdBy: staffA.id, updatedBy: staffA.id };
  const ownedA = { ownerId: staffA.id, teamId: teamA.id, ...stamp };

  const [chain] = await db.insert(industrialChains).values({ code: `chain-${tag}`, nameZh: `新能源汽车${tag}`, nameEn: `NEV ${tag}`, sortOrder: 1 }).returning();
  const [node, node2] = await db
    .insert(chainNodes)
    .values([
      { chainId: chain!.id, code: `battery-${tag}`, nameZh: `动力电池${tag}`, nameEn: `Battery ${tag}`, sortOrder: 1 },
      { chainId: chain!.id, code: `motor-${tag}`, nameZh: `驱动电机${tag}`, nameEn: `Motor ${tag}`, sortOrder: 2 },
    ])
    .returning();
  const [rate] = await db.insert(exchangeRates).values({ currency: "EUR", validFrom: "2020-01-01", rateToCny: "7.80000000" }).onConflictDoNothing().returning();
  const rateId = rate?.id ?? (await db.select({ id: exchangeRates.id }).from(exchangeRates).where(eq(exchangeRates.currency, "EUR")))[0]!.id;

  const company = (nameZh: string, extra: Partial<typeof enterprises.$inferInsert> = {}) => ({ nameZh, ...searchColumns({ nameZh, nameEn: null, creditCode: null }), ...ownedA, ...extra });
  const [enterprise, enterprise2, deletedEnterprise] = await db
    .insert(enterprises)
    .values([
      company(`星海动力科技${tag}有限公司`, { city: "肇庆" }),
      company(`星海动力科技${tag}股份有限公司`),
      company(`已删除企业${tag}有限公司`, { deletedAt: new Date() }),
    ])
    .returning();
  const [contact] = await db.insert(contacts).values({ enterpriseId: enterprise!.id, name: "王经理", title: "总经理", ...stamp }).returning();

  const [event] = await db.insert(events).values({ kind: "docking", nameZh: `对接会${tag}`, startsOn: "2026-05-10", endsOn: "2026-05-10", city: "丽水", ...ownedA }).returning();
  const [participant] = await db.insert(eventParticipants).values({ eventId: event!.id, enterpriseId: enterprise!.id, role: "attendee", ...stamp }).returning();

  const [delegation] = await db
    .insert(delegations)
    .values({ direction: "outbound", name: `赴深圳招商${tag}`, startsOn: "2026-06-01", endsOn: "2026-06-03", destination: "深圳", ...ownedA })
    .returning();
  const [stop, stop2] = await db
    .insert(itineraryStops)
    .values([
      { delegationId: delegation!.id, position: 1, startsAt: new Date("2026-06-01T01:00:00Z"), enterpriseId: enterprise!.id, ...stamp },
      { delegationId: delegation!.id, position: 2, startsAt: new Date("2026-06-02T01:00:00Z"), place: "深圳会展中心", ...stamp },
    ])
    .returning();
  const [member] = await db.insert(delegationMembers).values({ delegationId: delegation!.id, userId: staffA.id, ...stamp }).returning();
  const [link] = await db.insert(delegationEnterprises).values({ delegationId: delegation!.id, enterpriseId: enterprise!.id, role: "visited", ...stamp }).returning();

  const [visit] = await db
    .insert(visits)
    .values({ enterpriseId: enterprise!.id, occurredAt: new Date("2026-04-01T02:00:00Z"), place: "企业总部", summary: "首次拜访", ...ownedA })
    .returning();

  const [project, confidential] = await db
    .insert(projects)
    .values([
      { enterpriseId: enterprise!.id, name: `电池基地${tag}`, stage: "signed", signedOn: "2026-03-01", plannedAmount: "500000000.00", chainNodeId: node!.id, ...ownedA },
      { enterpriseId: enterprise!.id, name: `保密项目${tag}`, stage: "lead", plannedAmount: "900000000.00", confidential: true, ...ownedA, ownerId: staffA2.id },
    ])
    .returning();
  await db.insert(stageChanges).values([
    { projectId: project!.id, fromStage: null, toStage: "signed", changedBy: staffA.id, ...stamp },
    { projectId: confidential!.id, fromStage: null, toStage: "lead", changedBy: staffA2.id, ...stamp },
  ]);
  const [request, confidentialRequest] = await db
    .insert(stageChanges)
    .values([
      { projectId: project!.id, fromStage: "signed", toStage: "registered", state: "pending", changedBy: staffA.id, ...stamp },
      { projectId: confidential!.id, fromStage: "lead", toStage: "registered", state: "pending", changedBy: staffA2.id, ...stamp, createdBy: staffA2.id, updatedBy: staffA2.id },
    ])
    .returning();

  // The confidential project's tranche is written here directly: as a lead it could not get one through the action.
  const [tranche, confidentialTranche] = await db
    .insert(fundTranches)
    .values([
      { projectId: project!.id, receivedOn: "2026-03-15", amount: "20000000.00", note: "首期出资", ...stamp },
      { projectId: confidential!.id, receivedOn: "2026-03-20", amount: "5000000.00", ...stamp, createdBy: staffA2.id, updatedBy: staffA2.id },
    ])
    .returning();

  const [followUp, confidentialFollowUp] = await db
    .insert(followUps)
    .values([
      { enterpriseId: enterprise!.id, title: `寄送资料${tag}`, dueOn: "2099-01-15", assigneeId: staffA.id, teamId: teamA.id, ...stamp },
      { enterpriseId: enterprise!.id, projectId: confidential!.id, title: `保密跟进${tag}`, dueOn: "2099-01-16", assigneeId: staffA2.id, teamId: teamA.id, ...stamp },
    ])
    .returning();

  const [notification] = await db.insert(notifications).values({ recipientId: staffA.id, kind: "followUpAssigned", recordType: "follow_up", recordId: followUp!.id, actorId: as.managerA.id }).returning();
  const [attachment] = await db
    .insert(attachments)
    .values({ recordType: "visit", recordId: visit!.id, name: "现场照片.png", contentType: "image/png", size: PNG_BYTES.byteLength, sha256: "0".repeat(64), content: PNG_BYTES, createdBy: staffA.id, updatedBy: staffA.id })
    .returning({ id: attachments.id });
  const [view] = await db.insert(savedViews).values({ userId: staffA.id, screen: "enterprises", name: `我的企业${tag}`, query: "city=肇庆", ...stamp }).returning();
  const [target] = await db
    .insert(targets)
    .values({ year: TARGET_YEAR, teamId: teamA.id, signedAmount: "1000000000.00", fundsInPlace: "200000000.00", projectsSigned: 5, projectsStarted: 2, createdBy: as.managerA.id, updatedBy: as.managerA.id })
    .returning();

  return {
    as,
    feedToken,
    tag,
    ids: {
      teamA: teamA.id,
      teamB: teamB.id,
      staffA2: staffA2.id,
      formerStaffA: formerStaffA.id,
      enterprise: enterprise!.id,
      contact: contact!.id,
      enterprise2: enterprise2!.id,
      deletedEnterprise: deletedEnterprise!.id,
      event: event!.id,
      participant: participant!.id,
      delegation: delegation!.id,
      stop: stop!.id,
      stop2: stop2!.id,
      member: member!.id,
      delegationEnterprise: link!.id,
      visit: visit!.id,
      followUp: followUp!.id,
      confidentialFollowUp: confidentialFollowUp!.id,
      project: project!.id,
      stageRequest: request!.id,
      confidentialProject: confidential!.id,
      confidentialStageRequest: confidentialRequest!.id,
      tranche: tranche!.id,
      confidentialTranche: confidentialTranche!.id,
      savedView: view!.id,
      notification: notification!.id,
      attachment: attachment!.id,
      target: target!.id,
      chain: chain!.id,
      chainNode: node!.id,
      chainNode2: node2!.id,
      exchangeRate: rateId,
    },
  };
}
