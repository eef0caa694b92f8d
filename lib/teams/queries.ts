import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { teams } from "@/db/schema";
import type { Locale } from "@/db/enums";
import type { Viewer } from "@/lib/auth/viewer";

export async function getViewerTeamName(db: Db, viewer: Viewer, locale: Locale): Promise<string | null> {
  if (!viewer.teamId) return null;
  const [team] = await db.select({ nameZh: teams.nameZh, nameEn: teams.nameEn }).from(teams).where(eq(teams.id, viewer.teamId));
  if (!team) return null;
  return locale === "en" ? team.nameEn : team.nameZh;
}
