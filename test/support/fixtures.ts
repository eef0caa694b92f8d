import { randomBytes } from "node:crypto";
import { createTranslator } from "use-intl/core";
import type { Db } from "@/db";
import { type Role, teams, users } from "@/db/schema";
import type { Translate } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { catalogues } from "@/lib/i18n/messages";

const uid = () => randomBytes(4).toString("hex");

/** The real English catalogue, so tests read the messages users read. */
export const t: Translate = createTranslator({ locale: "en", messages: catalogues.en }) as unknown as Translate;

export async function makeTeam(db: Db, code = `team-${uid()}`) {
  const [team] = await db.insert(teams).values({ code, nameZh: `小组${code}`, nameEn: `Team ${code}` }).returning();
  return team!;
}

export async function makeViewer(db: Db, role: Role, teamId: string | null = null): Promise<Viewer> {
  const email = `${role}-${uid()}@landfall.example`;
  const [row] = await db.insert(users).values({ email, name: `Test ${role}`, role, teamId }).returning();
  return { id: row!.id, name: row!.name!, email, role, teamId, locale: null };
}
