import "server-only";
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { chainNodes, enterprises, projects, type Stage, STAGES, stageChanges, users } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { cnyAmount, rateToCny } from "./cny";
import type { PipelineFilters } from "./filters";
import { canVerify } from "./stages";
import { visibleProjects } from "./visibility";

/** Cards per column; counts and totals always cover every matching project. */
export const CARDS_PER_STAGE = 200;

export interface PipelineCard {
  id: string;
  name: string;
  enterpriseId: string;
  enterpriseNameZh: string | null;
  enterpriseNameEn: string | null;
  stage: Stage;
  status: (typeof projects.$inferSelect)["status"];
  version: number;
  plannedAmount: string | null;
  currency: string;
  /** Planned amount in CNY at today's rate, exact to the fen; null when no rate is known. */
  cnyAmount: string | null;
  ownerName: string | null;
  confidential: boolean;
  stageChangedAt: string;
  /** The stage a staff request waits to be verified into. */
  pendingTo: Stage | null;
  canMove: boolean;
  canVerify: boolean;
}

export interface PipelineColumn {
  stage: Stage;
  count: number;
  /** Sum in CNY of the column's planned amounts, numeric text. */
  totalCny: string;
}

export interface PipelineData {
  columns: PipelineColumn[];
  cards: PipelineCard[];
}

/** The caller's visibility and the URL's filters, as one WHERE clause. */
export function pipelineWhere(viewer: Viewer, f: Omit<PipelineFilters, "view">): SQL {
  return and(
    visibleProjects(viewer),
    f.team ? eq(projects.teamId, f.team) : undefined,
    f.owner ? eq(projects.ownerId, f.owner === "me" ? viewer.id : f.owner) : undefined,
    f.chain ? sql`${projects.chainNodeId} in (select ${chainNodes.id} from ${chainNodes} where ${chainNodes.chainId} = ${f.chain})` : undefined,
    f.status === null ? ne(projects.status, "lost") : f.status === "all" ? undefined : eq(projects.status, f.status),
  )!;
}

export async function getPipeline(db: Db, viewer: Viewer, filters: Omit<PipelineFilters, "view">): Promise<PipelineData> {
  const where = pipelineWhere(viewer, filters);
  const pending = sql<Stage | null>`(select ${stageChanges.toStage} from ${stageChanges}
    where ${stageChanges.projectId} = ${projects.id} and ${stageChanges.state} = 'pending' and ${stageChanges.deletedAt} is null
    order by ${stageChanges.changedAt} desc limit 1)`;
  const ranked = db
    .select({
      id: projects.id,
      name: projects.name,
      enterpriseId: projects.enterpriseId,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      stage: projects.stage,
      status: projects.status,
      version: projects.version,
      plannedAmount: projects.plannedAmount,
      currency: projects.currency,
      cnyAmount: cnyAmount(projects.plannedAmount, projects.currency).as("cny_amount"),
      ownerId: projects.ownerId,
      teamId: projects.teamId,
      ownerName: sql<string | null>`${users.name}`.as("owner_name"),
      confidential: projects.confidential,
      stageChangedAt: sql<string>`${projects.stageChangedAt}`.as("stage_changed_at_text"),
      pendingTo: pending.as("pending_to"),
      rank: sql<number>`row_number() over (partition by ${projects.stage} order by ${projects.stageChangedAt} desc, ${projects.id})`.as("rank"),
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(where)
    .as("ranked");

  const [rows, totals] = await Promise.all([
    db.select().from(ranked).where(sql`${ranked.rank} <= ${CARDS_PER_STAGE}`).orderBy(asc(ranked.stage), asc(ranked.rank)),
    db
      .select({
        stage: projects.stage,
        count: sql<number>`count(*)::int`,
        totalCny: sql<string>`coalesce(sum(round(${projects.plannedAmount} * ${rateToCny(projects.currency)}, 2)), 0)::text`,
      })
      .from(projects)
      .where(where)
      .groupBy(projects.stage),
  ]);

  const byStage = new Map(totals.map((t) => [t.stage, t]));
  return {
    columns: STAGES.map((stage) => ({ stage, count: Number(byStage.get(stage)?.count ?? 0), totalCny: byStage.get(stage)?.totalCny ?? "0" })),
    cards: rows.map(({ rank: _r, ownerId, teamId, ...row }) => ({
      ...row,
      stageChangedAt: new Date(row.stageChangedAt).toISOString(),
      canMove: canEdit(viewer, { ownerId, teamId }),
      canVerify: canVerify(viewer, { teamId }),
    })),
  };
}
