import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db, queryRows } from "@/db";
import {
  chainNodes,
  delegations,
  enterprises,
  events,
  fundTranches,
  industrialChains,
  projects,
  type Stage,
  stageChanges,
  teams,
  users,
} from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { cnyAmount, rateToCny } from "./cny";
import { canVerify } from "./stages";
import { visibleProjects } from "./visibility";

/** One project as its page shows it, or null when missing or not visible to the caller. */
export async function getProject(db: Db, viewer: Viewer, id: string) {
  const owner = alias(users, "owner");
  const [row] = await db
    .select({
      project: projects,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      ownerName: owner.name,
      teamNameZh: teams.nameZh,
      teamNameEn: teams.nameEn,
      chainNodeZh: chainNodes.nameZh,
      chainNodeEn: chainNodes.nameEn,
      chainZh: industrialChains.nameZh,
      chainEn: industrialChains.nameEn,
      sourceEventZh: events.nameZh,
      sourceEventEn: events.nameEn,
      sourceDelegation: delegations.name,
      plannedCny: cnyAmount(projects.plannedAmount, projects.currency),
      fundsInPlaceCny: sql<string>`(select coalesce(sum(round(${fundTranches.amount} * ${rateToCny(fundTranches.currency)}, 2)), 0)::text
        from ${fundTranches} where ${fundTranches.projectId} = ${projects.id} and ${fundTranches.deletedAt} is null)`,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .leftJoin(owner, eq(owner.id, projects.ownerId))
    .leftJoin(teams, eq(teams.id, projects.teamId))
    .leftJoin(chainNodes, eq(chainNodes.id, projects.chainNodeId))
    .leftJoin(industrialChains, eq(industrialChains.id, chainNodes.chainId))
    .leftJoin(events, eq(events.id, projects.sourceEventId))
    .leftJoin(delegations, eq(delegations.id, projects.sourceDelegationId))
    .where(and(eq(projects.id, id), visibleProjects(viewer)));
  if (!row) return null;
  return { ...row, canEdit: canEdit(viewer, row.project), canVerify: canVerify(viewer, row.project) };
}
export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProject>>>;

const visible = (viewer: Viewer, projectId: string) =>
  sql`exists (select 1 from ${projects} where ${projects.id} = ${projectId} and ${visibleProjects(viewer)})`;

/** Every stage change and request, newest first, with who moved, who verified, the signing recorded and the evidence. */
export async function listStageHistory(db: Db, viewer: Viewer, projectId: string) {
  const mover = alias(users, "mover");
  const verifier = alias(users, "verifier");
  return db
    .select({
      id: stageChanges.id,
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      state: stageChanges.state,
      reason: stageChanges.reason,
      changedAt: stageChanges.changedAt,
      changedByName: mover.name,
      verifiedAt: stageChanges.verifiedAt,
      verifiedByName: verifier.name,
      verificationNote: stageChanges.verificationNote,
      signedOn: stageChanges.signedOn,
      signedAmount: stageChanges.signedAmount,
      signedCurrency: stageChanges.signedCurrency,
      evidenceName: stageChanges.evidenceName,
      evidenceSize: stageChanges.evidenceSize,
    })
    .from(stageChanges)
    .leftJoin(mover, eq(mover.id, stageChanges.changedBy))
    .leftJoin(verifier, eq(verifier.id, stageChanges.verifiedBy))
    .where(and(eq(stageChanges.projectId, projectId), isNull(stageChanges.deletedAt), visible(viewer, projectId)))
    .orderBy(desc(stageChanges.changedAt), desc(stageChanges.createdAt));
}
export type StageHistoryRow = Awaited<ReturnType<typeof listStageHistory>>[number];

/** Seconds spent in each stage reached, from the applied changes; the current stage runs until now. */
export async function timeInStages(db: Db, viewer: Viewer, projectId: string): Promise<{ stage: Stage; seconds: number }[]> {
  const rows = await queryRows<{ stage: Stage; seconds: string }>(
    db,
    sql`select s.to_stage as stage, sum(extract(epoch from (coalesce(s.next_at, now()) - s.changed_at)))::bigint::text as seconds
      from (select ${stageChanges.toStage}, ${stageChanges.changedAt},
              lead(${stageChanges.changedAt}) over (order by ${stageChanges.changedAt}, ${stageChanges.createdAt}) as next_at
            from ${stageChanges}
            where ${stageChanges.projectId} = ${projectId} and ${stageChanges.state} = 'applied' and ${stageChanges.deletedAt} is null
              and ${visible(viewer, projectId)}) s
      group by s.to_stage
      order by min(s.changed_at)`,
  );
  return rows.map((r) => ({ stage: r.stage, seconds: Math.max(0, Number(r.seconds)) }));
}

export async function listTranches(db: Db, viewer: Viewer, projectId: string) {
  return db
    .select({
      id: fundTranches.id,
      version: fundTranches.version,
      receivedOn: fundTranches.receivedOn,
      amount: fundTranches.amount,
      currency: fundTranches.currency,
      cny: cnyAmount(fundTranches.amount, fundTranches.currency),
      note: fundTranches.note,
    })
    .from(fundTranches)
    .where(and(eq(fundTranches.projectId, projectId), isNull(fundTranches.deletedAt), visible(viewer, projectId)))
    .orderBy(asc(fundTranches.receivedOn), asc(fundTranches.createdAt));
}

/** The request waiting for verification, if any. */
export async function getPendingRequest(db: Db, viewer: Viewer, projectId: string) {
  const rows = await listStageHistory(db, viewer, projectId);
  return rows.find((r) => r.state === "pending") ?? null;
}
