import "server-only";
import { and, asc, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { primaryOf } from "@/db/replicas";
import { chainNodes, industrialChains, teams, users } from "@/db/schema";
import { cachedReference } from "./cache";

// Reference data for filters and pickers: small tables every signed-in user may read, the same
// for everyone, so each process keeps them for a short while (./cache.ts). Callers must not
// change what they get. They are read from the primary even when the page reads from a replica
// (db/replicas.ts): a copy read from a replica that had not yet replayed a change would be kept
// and shown to everyone, the person who made the change too.

export function listChainsWithNodes(db: Db) {
  const primary = primaryOf(db);
  return cachedReference(primary, "chains", () => readChainsWithNodes(primary));
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
  const primary = primaryOf(db);
  return cachedReference(primary, "teams", () => readTeams(primary));
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
  const primary = primaryOf(db);
  return cachedReference(primary, "people", () => readPeople(primary));
}

function readPeople(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, teamId: users.teamId })
    .from(users)
    .where(and(isNull(users.deactivatedAt), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}
