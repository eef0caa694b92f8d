import "server-only";
import { and, asc, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { chainNodes, industrialChains, teams, users } from "@/db/schema";
import { cachedReference } from "./cache";

// Reference data for filters and pickers: small tables every signed-in user may read, the same
// for everyone, so each process keeps them for a short while (./cache.ts). Callers must not
// change what they get.

export function listChainsWithNodes(db: Db) {
  return cachedReference(db, "chains", () => readChainsWithNodes(db));
}

async function readChainsWithNodes(db: Db) {
  const [chains, nodes] = await Promise.all([
    db
      .select({ id: industrialChains.id, nameZh: industrialChains.nameZh, nameEn: industrialChains.nameEn })
      .from(industrialChains)
      .where(isNull(industrialChains.deletedAt))
      .orderBy(asc(industrialChains.sortOrder), asc(industrialChains.code)),
    db
      .select({ id: chainNodes.id, chainId: chainNodes.chainId, nameZh: chainNodes.nameZh, nameEn: chainNodes.nameEn })
      .from(chainNodes)
      .where(isNull(chainNodes.deletedAt))
      .orderBy(asc(chainNodes.sortOrder), asc(chainNodes.code)),
  ]);
  return chains.map((c) => ({ ...c, nodes: nodes.filter((n) => n.chainId === c.id) }));
}

export function listTeams(db: Db) {
  return cachedReference(db, "teams", () => readTeams(db));
}

function readTeams(db: Db) {
  return db
    .select({ id: teams.id, nameZh: teams.nameZh, nameEn: teams.nameEn })
    .from(teams)
    .where(isNull(teams.deletedAt))
    .orderBy(asc(teams.code));
}

/** People who can own records: not deactivated, not deleted. */
export function listPeople(db: Db) {
  return cachedReference(db, "people", () => readPeople(db));
}

function readPeople(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, teamId: users.teamId })
    .from(users)
    .where(and(isNull(users.deactivatedAt), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}
