import "server-only";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
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
  /** The signing is recorded (a signing date is set): moving past 签约 again asks for nothing. */
  signed: boolean;
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

type CardRow = Omit<PipelineCard, "canMove" | "canVerify"> & { ownerId: string | null; teamId: string | null };

export async function getPipeline(db: Db, viewer: Viewer, filters: Omit<PipelineFilters, "view">): Promise<PipelineData> {
  const where = pipelineWhere(viewer, filters);
  // Each column's newest cards are read from the (stage, stage_changed_at, id) index, a few
  // hundred rows per stage; only those are joined and get their pending request and CNY amount.
  // Ranking every matching project first (a window over the whole table) took most of a second
  // on 100,000 projects.
  const cards = sql`
    select p.id, p.name, p.enterprise_id as "enterpriseId", e.name_zh as "enterpriseNameZh", e.name_en as "enterpriseNameEn",
      p.stage, p.status, p.version, p.planned_amount::text as "plannedAmount", p.currency,
      ${cnyAmount(sql`p.planned_amount`, sql`p.currency`)} as "cnyAmount",
      p.owner_id as "ownerId", p.team_id as "teamId", u.name as "ownerName", p.confidential, p.signed_on is not null as signed,
      to_char(p.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "stageChangedAt",
      (select c.to_stage from ${stageChanges} c
        where c.project_id = p.id and c.state = 'pending' and c.deleted_at is null
        order by c.changed_at desc limit 1) as "pendingTo"
    from unnest(enum_range(null::project_stage)) with ordinality as st(stage, ord)
    cross join lateral (
      select ${projects}.* from ${projects}
      where ${projects.stage} = st.stage and ${where}
      -- nulls last, as the index is built (the column is never null)
      order by ${projects.stageChangedAt} desc nulls last, ${projects.id}
      limit ${CARDS_PER_STAGE}
    ) p
    join ${enterprises} e on e.id = p.enterprise_id
    left join ${users} u on u.id = p.owner_id
    order by st.ord, p.stage_changed_at desc nulls last, p.id`;

  const [rows, totals] = await Promise.all([
    queryRows<CardRow>(db, cards),
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
    cards: rows.map(({ ownerId, teamId, ...row }) => ({
      ...row,
      version: Number(row.version),
      stageChangedAt: new Date(row.stageChangedAt).toISOString(),
      canMove: canEdit(viewer, { ownerId, teamId }),
      canVerify: canVerify(viewer, { teamId }),
    })),
  };
}
