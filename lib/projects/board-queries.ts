import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import { enterprises, projects, type Stage, STAGES, stageChanges, users } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { type BoardCursor, encodeCursor } from "./board-cursor";
import { getPipelineTotals, type PipelineColumn } from "./board-totals";
import { type BoardFilters, pipelineWhere } from "./board-where";
import { cnyAmount } from "./cny";
import { canVerify } from "./stages";

export type { PipelineColumn } from "./board-totals";

/** Cards a column shows at first, and loads each time "Show more" is pressed. */
export const CARDS_PER_PAGE = 25;

export interface PipelineCard {
  id: string;
  name: string;
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

export interface PipelineData {
  columns: PipelineColumn[];
  /** CNY per unit of each currency in the totals, as valid today. */
  rates: Record<string, string>;
  /** Each column's first page, in the board's order, then whatever "Show more" added. */
  cards: PipelineCard[];
  /** Where each column's next page starts; null once the column shows every card. */
  next: Record<Stage, string | null>;
}

/** One more page of a column. */
export interface PipelineColumnPage {
  stage: Stage;
  cards: PipelineCard[];
  next: string | null;
}

type CardRow = Omit<PipelineCard, "canMove" | "canVerify"> & { ownerId: string | null; teamId: string | null; cursorAt: string };

/**
 * One page of cards per stage asked for (all stages, or one after a cursor), plus one row more to
 * learn whether another page follows. Each stage is read from the (stage, stage_changed_at, id)
 * index, a page at a time; only those rows are joined and get their pending request and CNY amount.
 */
async function readCards(db: Db, viewer: Viewer, filters: BoardFilters, page: { stage: Stage; after: BoardCursor | null } | null) {
  const where = pipelineWhere(viewer, filters);
  const stages: SQL = page
    ? sql`(values (${page.stage}::project_stage, 1)) as st(stage, ord)`
    : sql`unnest(enum_range(null::project_stage)) with ordinality as st(stage, ord)`;
  // stage_changed_at <= at is the index range; the tie on the same instant is decided by id.
  const after = page?.after
    ? sql`and ${projects.stageChangedAt} <= ${page.after.at}::timestamptz
        and (${projects.stageChangedAt} < ${page.after.at}::timestamptz or ${projects.id} > ${page.after.id}::uuid)`
    : sql``;
  const rows = await queryRows<CardRow>(
    db,
    sql`
    select p.id, p.name, e.name_zh as "enterpriseNameZh", e.name_en as "enterpriseNameEn",
      p.stage, p.status, p.version, p.planned_amount::text as "plannedAmount", p.currency,
      ${cnyAmount(sql`p.planned_amount`, sql`p.currency`)} as "cnyAmount",
      p.owner_id as "ownerId", p.team_id as "teamId", u.name as "ownerName", p.confidential, p.signed_on is not null as signed,
      to_char(p.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt",
      (select c.to_stage from ${stageChanges} c
        where c.project_id = p.id and c.state = 'pending' and c.deleted_at is null
        order by c.changed_at desc limit 1) as "pendingTo"
    from ${stages}
    cross join lateral (
      select ${projects}.* from ${projects}
      where ${projects.stage} = st.stage and ${where} ${after}
      -- nulls last, as the index is built (the column is never null)
      order by ${projects.stageChangedAt} desc nulls last, ${projects.id}
      limit ${CARDS_PER_PAGE + 1}
    ) p
    join ${enterprises} e on e.id = p.enterprise_id
    left join ${users} u on u.id = p.owner_id
    order by st.ord, p.stage_changed_at desc nulls last, p.id`,
  );

  const cards: PipelineCard[] = [];
  const next = Object.fromEntries(STAGES.map((s) => [s, null])) as Record<Stage, string | null>;
  for (const stage of page ? [page.stage] : STAGES) {
    const mine = rows.filter((r) => r.stage === stage);
    const shown = mine.slice(0, CARDS_PER_PAGE);
    const last = shown.at(-1);
    if (mine.length > CARDS_PER_PAGE && last) next[stage] = encodeCursor({ at: last.cursorAt, id: last.id });
    for (const { ownerId, teamId, cursorAt, ...row } of shown) {
      cards.push({
        ...row,
        version: Number(row.version),
        stageChangedAt: cursorAt.slice(0, 23) + "Z",
        canMove: canEdit(viewer, { ownerId, teamId }),
        canVerify: canVerify(viewer, { teamId }),
      });
    }
  }
  return { cards, next };
}

/** The board as it opens: every column's count and total, and its first page of cards. */
export async function getPipeline(db: Db, viewer: Viewer, filters: BoardFilters): Promise<PipelineData> {
  const [{ cards, next }, { columns, rates }] = await Promise.all([readCards(db, viewer, filters, null), getPipelineTotals(db, viewer, filters)]);
  return { columns, rates, cards, next };
}

/** The page of one column after `after` (or its first page), for "Show more". */
export async function getPipelineColumnPage(
  db: Db,
  viewer: Viewer,
  filters: BoardFilters,
  stage: Stage,
  after: BoardCursor | null,
): Promise<PipelineColumnPage> {
  const { cards, next } = await readCards(db, viewer, filters, { stage, after });
  return { stage, cards, next: next[stage] };
}
