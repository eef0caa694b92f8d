import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { addDays, shanghaiDay } from "@/lib/time";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { type Channels, type OutgoingMessage, webhookBody } from "./channels";
import { runDigest } from "./digest";
import { sendVerificationNotices } from "./jobs";
import { createProject } from "@/lib/projects/actions/create-project";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { projects } from "@/db/schema";

let database: Database;
let manager: Viewer, staff: Viewer, colleague: Viewer, optedOut: Viewer;
const today = shanghaiDay();

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  [manager, staff, colleague, optedOut] = [await makeViewer(db, "manager", team.id), await makeViewer(db, "staff", team.id), await makeViewer(db, "staff", team.id), await makeViewer(db, "staff", team.id)];
  await db.update(users).set({ digestOptOut: true }).where(eq(users.id, optedOut.id));
  const enterpriseId = (await makeEnterprise(db, team.id)).id;
  const give = async (who: Viewer, title: string, dueOn: string) => {
    const r = await runAction(createFollowUp.definition as never, { viewer: manager, db, t }, { enterpriseId, title, dueOn, assigneeId: who.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  await give(staff, "寄送园区资料", today);
  await give(staff, "回访储能项目", addDays(today, -2));
  await give(colleague, "准备签约材料", today);
  await give(optedOut, "不发邮件的跟进", today);
  // Not due yet: not in today's digest.
  await give(manager, "下周的跟进", addDays(today, 7));
});
afterAll(() => database?.close());

/** Channels that keep what they are given; `failAfter` makes the mail channel fail after that many sends, as a crash would. */
function capture(failAfter = Number.POSITIVE_INFINITY) {
  const mails: { to: string; message: OutgoingMessage }[] = [];
  const hooks: OutgoingMessage[] = [];
  const channels: Channels = {
    async mail(to, message) {
      if (mails.length >= failAfter) throw new Error("connection lost");
      mails.push({ to, message });
    },
    async webhook(message) {
      hooks.push(message);
    },
  };
  return { mails, hooks, channels };
}

describe("the morning digest", () => {
  it("mails each person their follow-ups due today or overdue, once, and tells the team's chat; a run cut short and retried sends nothing twice", async () => {
    const mine = (to: string) => [staff.email, colleague.email, optedOut.email, manager.email].includes(to);

    // The first run dies after one message.
    const first = capture(1);
    await expect(runDigest(database.db, first.channels, today)).rejects.toThrow("connection lost");
    expect(first.mails.filter((m) => mine(m.to))).toHaveLength(1);

    // The retry sends the rest and nothing already sent.
    const retry = capture();
    await runDigest(database.db, retry.channels, today);
    const all = [...first.mails, ...retry.mails].filter((m) => mine(m.to)).map((m) => m.to).sort();
    expect(all).toEqual([staff.email, colleague.email].sort());

    const toStaff = [...first.mails, ...retry.mails].find((m) => m.to === staff.email)!;
    expect(toStaff.message.lines).toEqual(expect.arrayContaining(["今天到期：寄送园区资料", `已逾期（应于 ${addDays(today, -2)}）：回访储能项目`]));
    expect(retry.hooks).toHaveLength(1);
    // One line per person with something today; the one who turned the digest off is not among them.
    expect([...retry.hooks[0]!.lines].sort()).toEqual([`${colleague.name}：1 项`, `${staff.name}：2 项`].sort());

    // A third run, as a second instance would: nothing.
    const again = capture();
    expect(await runDigest(database.db, again.channels, today)).toMatchObject({ sent: 0 });
    expect(again.mails).toEqual([]);
    expect(again.hooks).toEqual([]);
  });

  it("writes each group-chat robot's own format", () => {
    const message = { subject: "Landfall", lines: ["a", "b"] };
    expect(webhookBody("wecom", message)).toEqual({ msgtype: "markdown", markdown: { content: "**Landfall**\na\nb" } });
    expect(webhookBody("dingtalk", message)).toEqual({ msgtype: "markdown", markdown: { title: "Landfall", text: "### Landfall\n- a\n- b" } });
    expect(webhookBody("feishu", message)).toEqual({ msg_type: "text", content: { text: "Landfall\na\nb" } });
  });

  it("mails a verification request to the managers asked, once", async () => {
    const db = database.db;
    const enterpriseId = (await makeEnterprise(db, staff.teamId)).id;
    const run = async (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) => {
      const r = await runAction(def.definition as never, { viewer: who, db, t }, input);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return (r as { data: { id: string } }).data;
    };
    const project = await run(createProject, staff, { enterpriseId, name: "待核验项目" });
    await db.update(projects).set({ stage: "signed", signedOn: "2026-01-10" }).where(eq(projects.id, project.id));
    await run(moveProjectStage, staff, { id: project.id, version: 1, toStage: "registered" });

    const first = capture();
    await sendVerificationNotices(db, first.channels);
    expect(first.mails.map((m) => m.to)).toEqual([manager.email]);
    expect(first.mails[0]!.message).toMatchObject({ subject: `Landfall：${staff.name} 请您核验一个节点`, lines: ["项目：待核验项目"] });
    const again = capture();
    expect(await sendVerificationNotices(db, again.channels)).toBe(0);
    expect(again.mails).toEqual([]);
  });
});
