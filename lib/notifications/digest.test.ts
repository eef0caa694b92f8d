import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { teams, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { addDays, shanghaiDay } from "@/lib/time";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { type Channels, type OutgoingMessage, type Webhook, webhookBody, webhookVendor } from "./channels";
import { runDigest } from "./digest";
import { sendVerificationNotices } from "./jobs";
import { createProject } from "@/lib/projects/actions/create-project";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { projects } from "@/db/schema";

let database: Database;
let manager: Viewer, staff: Viewer, colleague: Viewer, optedOut: Viewer;
// A second team with its own robot: its summary goes there, the first team's to the deployment's.
let eastStaff: Viewer, eastManager: Viewer;
const EAST_ROBOT = "https://oapi.dingtalk.com/robot/send?access_token=east";
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

  const east = await makeTeam(db);
  await db.update(teams).set({ webhookUrl: EAST_ROBOT, webhookFormat: "dingtalk" }).where(eq(teams.id, east.id));
  [eastManager, eastStaff] = [await makeViewer(db, "manager", east.id), await makeViewer(db, "staff", east.id)];
  const r = await runAction(createFollowUp.definition as never, { viewer: eastManager, db, t }, { enterpriseId: (await makeEnterprise(db, east.id)).id, title: "东区的跟进", dueOn: today, assigneeId: eastStaff.id });
  if (!r.ok) throw new Error(JSON.stringify(r));
});
afterAll(() => database?.close());

const DEFAULT_ROBOT: Webhook = { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=bureau", format: "wecom" };

/** Channels that keep what they are given; `failAfter` makes the mail channel fail after that many sends, as a crash would. */
function capture(failAfter = Number.POSITIVE_INFINITY) {
  const mails: { to: string; message: OutgoingMessage }[] = [];
  const hooks: (OutgoingMessage & { robot: Webhook })[] = [];
  const channels: Channels = {
    async mail(to, message) {
      if (mails.length >= failAfter) throw new Error("connection lost");
      mails.push({ to, message });
    },
    async post(robot, message) {
      hooks.push({ ...message, robot });
    },
    defaultWebhook: DEFAULT_ROBOT,
  };
  return { mails, hooks, channels };
}

describe("the morning digest", () => {
  it("mails each person their follow-ups due today or overdue, once, and tells the team's chat; a run cut short and retried sends nothing twice", async () => {
    // The first run dies after one message.
    const first = capture(1);
    await expect(runDigest(database.db, first.channels, today)).rejects.toThrow("connection lost");
    expect(first.mails).toHaveLength(1);

    // The retry sends the rest and nothing already sent.
    const retry = capture();
    await runDigest(database.db, retry.channels, today);
    const all = [...first.mails, ...retry.mails].map((m) => m.to).sort();
    expect(all).toEqual([staff.email, colleague.email, eastStaff.email].sort());

    const toStaff = [...first.mails, ...retry.mails].find((m) => m.to === staff.email)!;
    expect(toStaff.message.lines).toEqual(expect.arrayContaining(["今天到期：寄送园区资料", `已逾期（应于 ${addDays(today, -2)}）：回访储能项目`]));
    // Each team's chat once: the first team's to the deployment's robot, the east team's to its own.
    expect(retry.hooks.map((h) => h.robot)).toEqual(expect.arrayContaining([DEFAULT_ROBOT, { url: EAST_ROBOT, format: "dingtalk" }]));
    expect(retry.hooks).toHaveLength(2);
    // One line per person with something today; the one who turned the digest off is not among them.
    const firstTeam = retry.hooks.find((h) => h.robot === DEFAULT_ROBOT)!;
    expect([...firstTeam.lines].sort()).toEqual([`${colleague.name}：1 项`, `${staff.name}：2 项`].sort());
    expect(retry.hooks.find((h) => h.robot.url === EAST_ROBOT)!.lines).toEqual([`${eastStaff.name}：1 项`]);

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
    expect(webhookVendor(EAST_ROBOT)).toBe("dingtalk");
    expect(webhookVendor("https://open.feishu.cn/open-apis/bot/v2/hook/x")).toBe("feishu");
    expect(webhookVendor("http://10.1.2.3/relay")).toBeNull();
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

    const eastProject = await run(createProject, eastStaff, { enterpriseId: (await makeEnterprise(db, eastStaff.teamId)).id, name: "东区待核验项目" });
    await db.update(projects).set({ stage: "signed", signedOn: "2026-01-10" }).where(eq(projects.id, eastProject.id));
    await run(moveProjectStage, eastStaff, { id: eastProject.id, version: 1, toStage: "registered" });

    const first = capture();
    await sendVerificationNotices(db, first.channels);
    expect(first.mails.map((m) => m.to).sort()).toEqual([manager.email, eastManager.email].sort());
    expect(first.mails.find((m) => m.to === manager.email)!.message).toMatchObject({ subject: `Landfall：${staff.name} 请您核验一个节点`, lines: ["项目：待核验项目"] });
    // Each team's chat hears of its own project's request, on its own robot or the deployment's.
    const [eastTeam] = await db.select({ name: teams.nameZh }).from(teams).where(eq(teams.id, eastStaff.teamId!));
    expect(first.hooks.find((h) => h.robot.url === EAST_ROBOT)).toMatchObject({ subject: `Landfall：${eastStaff.name} 申请核验（${eastTeam!.name}）`, lines: ["项目：东区待核验项目", "申请推进到：注册"] });
    expect(first.hooks.find((h) => h.robot === DEFAULT_ROBOT)?.lines).toEqual(["项目：待核验项目", "申请推进到：注册"]);
    expect(first.hooks).toHaveLength(2);
    const again = capture();
    expect(await sendVerificationNotices(db, again.channels)).toBe(0);
    expect(again.mails).toEqual([]);
    expect(again.hooks).toEqual([]);
  });
});
