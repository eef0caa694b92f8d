import { and, asc, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import type { Db } from "@/db";
import { followUps, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleFollowUps } from "@/lib/follow-ups/records";
import { listTodaysStops } from "@/lib/follow-ups/my-day-stops";
import { catalogues } from "@/lib/i18n/messages";
import { shanghaiDay } from "@/lib/time";
import { type Channels, type OutgoingMessage, teamWebhook } from "./channels";
import { deliverOnce } from "./deliver";

/** The words of messages sent outside the app, in a person's language (group chats: Chinese). */
export const translator = (locale: "zh-CN" | "en") => createTranslator({ locale, messages: catalogues[locale], namespace: "notifications.digest" });

interface PersonDigest {
  viewer: Viewer;
  teamName: string | null;
  message: OutgoingMessage;
  count: number;
}

/** One person's morning message: their open follow-ups due by `day` and their stops that day, or null when there is nothing. */
async function personDigest(db: Db, viewer: Viewer, day: string): Promise<{ message: OutgoingMessage; count: number } | null> {
  const [due, stops] = await Promise.all([
    db
      .select({ title: followUps.title, dueOn: followUps.dueOn })
      .from(followUps)
      .where(and(eq(followUps.assigneeId, viewer.id), eq(followUps.status, "open"), lte(followUps.dueOn, day), visibleFollowUps(viewer)))
      .orderBy(asc(followUps.dueOn), asc(followUps.id))
      .limit(50),
    listTodaysStops(db, viewer, day),
  ]);
  if (due.length === 0 && stops.length === 0) return null;
  const t = translator(viewer.locale ?? "zh-CN");
  const time = new Intl.DateTimeFormat(viewer.locale ?? "zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });
  const lines = [
    ...due.map((f) => (f.dueOn < day ? t("overdue", { title: f.title, date: f.dueOn }) : t("dueToday", { title: f.title }))),
    ...stops.map((s) => t("stop", { time: time.format(s.startsAt), place: s.place ?? s.enterpriseNameZh ?? s.eventNameZh ?? "", delegation: s.delegationName })),
  ];
  return { message: { subject: t("subject", { day, count: lines.length }), lines }, count: lines.length };
}

/**
 * The morning digest of `day`: each active person who has not turned it off gets their follow-ups
 * and stops by e-mail, and each team's group chat (its own robot, else the deployment's) one message naming who has what. Every message
 * goes through deliverOnce, so running it again (a retry, a second instance) sends nothing twice.
 */
export async function runDigest(db: Db, channels: Channels, day = shanghaiDay()) {
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, locale: users.locale, teamName: teams.nameZh })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(isNull(users.deactivatedAt), isNull(users.deletedAt), eq(users.digestOptOut, false), isNotNull(users.email)))
    .orderBy(asc(users.id));
  const digests: PersonDigest[] = [];
  for (const p of people) {
    const viewer: Viewer = { id: p.id, name: p.name ?? p.email, email: p.email, role: p.role, teamId: p.teamId, locale: p.locale };
    const d = await personDigest(db, viewer, day);
    if (d) digests.push({ viewer, teamName: p.teamName, ...d });
  }
  let sent = 0;
  if (channels.mail) {
    for (const d of digests) {
      if (await deliverOnce(db, `digest:${day}:${d.viewer.id}:mail`, () => channels.mail!(d.viewer.email, d.message))) sent++;
    }
  }
  if (channels.post) {
    const t = translator("zh-CN");
    const byTeam = new Map<string, PersonDigest[]>();
    for (const d of digests) if (d.viewer.teamId) byTeam.set(d.viewer.teamId, [...(byTeam.get(d.viewer.teamId) ?? []), d]);
    const hooks = byTeam.size
      ? await db.select({ id: teams.id, webhookUrl: teams.webhookUrl, webhookFormat: teams.webhookFormat }).from(teams).where(inArray(teams.id, [...byTeam.keys()]))
      : [];
    for (const team of hooks) {
      const hook = teamWebhook(channels, team);
      const members = byTeam.get(team.id)!;
      if (!hook) continue;
      const message = { subject: t("teamSubject", { day, team: members[0]!.teamName ?? "" }), lines: members.map((m) => t("teamLine", { name: m.viewer.name, count: m.count })) };
      if (await deliverOnce(db, `digest:${day}:team:${team.id}:webhook`, () => channels.post!(hook, message))) sent++;
    }
  }
  return { people: digests.length, sent };
}
