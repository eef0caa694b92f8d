import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { teams } from "@/db/schema";
import type { Locale } from "@/db/enums";
import type { Viewer } from "@/lib/auth/viewer";
import { listTeams } from "@/lib/reference/queries";

export async function getViewerTeamName(db: Db, viewer: Viewer, locale: Locale): Promise<string | null> {
  if (!viewer.teamId) return null;
  // The kept team list answers without a statement; a team no longer listed is read directly.
  const listed = (await listTeams(db)).find((t) => t.id === viewer.teamId);
  if (listed) return locale === "en" ? listed.nameEn : listed.nameZh;
  const [team] = await db.select({ nameZh: teams.nameZh, nameEn: teams.nameEn }).from(teams).where(eq(teams.id, viewer.teamId));
  if (!team) return null;
  return locale === "en" ? team.nameEn : team.nameZh;
}
