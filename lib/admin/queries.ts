import "server-only";
import { asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { chainNodes, exchangeRates, industrialChains, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

// Reference data for the admin pages. Every function refuses non-admins, so a page that forgets
// its own check still reveals nothing.
function requireAdmin(viewer: Viewer) {
  if (viewer.role !== "admin") throw new NotFoundError();
}

export async function listChainsForAdmin(db: Db, viewer: Viewer) {
  requireAdmin(viewer);
  const [chains, nodes] = await Promise.all([
    db.select().from(industrialChains).where(isNull(industrialChains.deletedAt)).orderBy(asc(industrialChains.sortOrder), asc(industrialChains.nameZh)),
    db.select().from(chainNodes).where(isNull(chainNodes.deletedAt)).orderBy(asc(chainNodes.sortOrder), asc(chainNodes.nameZh)),
  ]);
  return chains.map((c) => ({ ...c, nodes: nodes.filter((n) => n.chainId === c.id) }));
}

export async function listTeamsForAdmin(db: Db, viewer: Viewer) {
  requireAdmin(viewer);
  return db
    .select({ id: teams.id, code: teams.code, nameZh: teams.nameZh, nameEn: teams.nameEn, version: teams.version, webhookUrl: teams.webhookUrl, webhookFormat: teams.webhookFormat })
    .from(teams)
    .where(isNull(teams.deletedAt))
    .orderBy(asc(teams.code));
}

export async function listPeopleForAdmin(db: Db, viewer: Viewer) {
  requireAdmin(viewer);
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, deactivatedAt: users.deactivatedAt, version: users.version, teamNameZh: teams.nameZh, teamNameEn: teams.nameEn })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(isNull(users.deletedAt))
    .orderBy(asc(users.deactivatedAt), asc(users.email))
    .limit(1000);
}

export async function listExchangeRatesForAdmin(db: Db, viewer: Viewer) {
  requireAdmin(viewer);
  return db.select().from(exchangeRates).where(isNull(exchangeRates.deletedAt)).orderBy(asc(exchangeRates.currency), desc(exchangeRates.validFrom)).limit(500);
}
