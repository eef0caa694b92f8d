import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { chainNodes, enterpriseChainNodes, enterprises, industrialChains, projects } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleProjects } from "@/lib/projects/visibility";

/** 注册 and every stage after it: the project has landed in the city. */
export const LANDED_STAGES = ["registered", "land", "construction", "production"] as const;

/**
 * Every live chain with its live nodes and, per node: live enterprises linked to it, the
 * caller's visible active projects on it, and visible landed projects (not lost). One query;
 * a node with no enterprise is a gap.
 */
export async function listChainMap(db: Db, viewer: Viewer) {
  const enterpriseCount = sql<number>`(
    select count(*) from ${enterpriseChainNodes} join ${enterprises} on ${enterprises.id} = ${enterpriseChainNodes.enterpriseId}
    where ${enterpriseChainNodes.chainNodeId} = ${chainNodes.id} and ${enterprises.deletedAt} is null
  )`.mapWith(Number);
  const projectCount = (where: ReturnType<typeof and>) =>
    sql<number>`(select count(*) from ${projects} where ${projects.chainNodeId} = ${chainNodes.id} and ${visibleProjects(viewer)} and ${where})`.mapWith(Number);
  const rows = await db
    .select({
      chainId: industrialChains.id,
      chainNameZh: industrialChains.nameZh,
      chainNameEn: industrialChains.nameEn,
      nodeId: chainNodes.id,
      nameZh: chainNodes.nameZh,
      nameEn: chainNodes.nameEn,
      enterprises: enterpriseCount,
      activeProjects: projectCount(eq(projects.status, "active")),
      landedProjects: projectCount(and(inArray(projects.stage, [...LANDED_STAGES]), ne(projects.status, "lost"))),
    })
    .from(industrialChains)
    .innerJoin(chainNodes, and(eq(chainNodes.chainId, industrialChains.id), isNull(chainNodes.deletedAt)))
    .where(isNull(industrialChains.deletedAt))
    .orderBy(asc(industrialChains.sortOrder), asc(industrialChains.nameZh), asc(chainNodes.sortOrder), asc(chainNodes.nameZh));

  const chains: { id: string; nameZh: string; nameEn: string; nodes: (ChainMapNode)[] }[] = [];
  for (const r of rows) {
    let chain = chains.at(-1);
    if (chain?.id !== r.chainId) {
      chain = { id: r.chainId, nameZh: r.chainNameZh, nameEn: r.chainNameEn, nodes: [] };
      chains.push(chain);
    }
    chain.nodes.push({ id: r.nodeId, nameZh: r.nameZh, nameEn: r.nameEn, enterprises: r.enterprises, activeProjects: r.activeProjects, landedProjects: r.landedProjects, gap: r.enterprises === 0 });
  }
  return chains;
}

export interface ChainMapNode {
  id: string;
  nameZh: string;
  nameEn: string;
  enterprises: number;
  activeProjects: number;
  landedProjects: number;
  /** No enterprise on this node yet: where to hunt next. */
  gap: boolean;
}
