import { type Browser, expect, test } from "@playwright/test";
import PgBoss from "pg-boss";
import { APP_PORT, BASE_URL } from "../playwright.config";
import { type Persona, storageStatePath } from "./support";

// The inbox: what someone else did that concerns you, counted in the header until read.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function openAs(browser: Browser, persona: Persona) {
  const context = await browser.newContext({ storageState: storageStatePath(persona), locale: "en" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
  return { context, page: await context.newPage() };
}

test("a follow-up a manager gives to staff lands in the staff member's inbox, unread, and opening it reads it", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await openAs(browser, "staff2");
  // Start from an inbox with nothing unread.
  await staff.page.goto("/notifications");
  const markAll = staff.page.getByRole("button", { name: "Mark all read" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(staff.page.getByTestId("inbox-unread")).toHaveText("Nothing unread");
  }
  await expect(staff.page.getByTestId("inbox-badge")).toHaveCount(0);
  await expect(staff.page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // The manager of the team adds a follow-up and gives it to 陈芳 (staff2).
  const { context, page } = await openAs(browser, "manager2");
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(`Inbox Test Co ${unique()}`);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  const enterpriseUrl = page.url();
  const title = `Send the land quote ${unique()}`;
  const followUps = page.getByRole("region", { name: "Follow-ups" });
  await followUps.getByText("New follow-up").click();
  await followUps.getByLabel("What needs doing?").fill(title);
  await followUps.getByRole("button", { name: "Add follow-up" }).click();
  const item = followUps.getByRole("listitem", { name: title });
  await expect(item).toBeVisible();
  // The manager's own follow-up tells nobody; giving it on does.
  await item.getByRole("button", { name: "Reassign…" }).click();
  await item.getByLabel("Give it to").selectOption({ label: "陈芳" });
  await item.getByRole("button", { name: "Reassign", exact: true }).click();
  await expect(page.getByText("Follow-up reassigned")).toBeVisible();
  await context.close();

  // staff2's header counts it; the inbox lists it, unread, with who gave it.
  await staff.page.goto("/enterprises");
  await expect(staff.page.getByTestId("inbox-badge")).toHaveText("1");
  await staff.page.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await expect(staff.page).toHaveURL(/\/notifications$/);
  await expect(staff.page.getByTestId("inbox-unread")).toHaveText("1 unread");
  const entry = staff.page.getByTestId("inbox-item").filter({ hasText: title });
  await expect(entry).toHaveAttribute("data-unread", "true");
  await expect(entry).toContainText("赵磊 gave you a follow-up");

  // Opening it goes to the follow-ups of its enterprise and marks it read.
  await entry.getByRole("link").click();
  await expect(staff.page).toHaveURL(`${enterpriseUrl}#follow-ups`);
  await expect(staff.page.getByRole("region", { name: "Follow-ups" }).getByRole("listitem", { name: title })).toBeVisible();
  await expect(staff.page.getByTestId("inbox-badge")).toHaveCount(0);
  await staff.page.goto("/notifications");
  await expect(staff.page.getByTestId("inbox-item").filter({ hasText: title })).toHaveAttribute("data-unread", "false");
  await expect(staff.page.getByTestId("inbox-unread")).toHaveText("Nothing unread");

  // The morning e-mail is the reader's to turn off and on.
  await staff.page.getByRole("button", { name: "Stop the morning e-mail" }).click();
  await expect(staff.page.getByTestId("digest-state")).toHaveText("You get no morning e-mail.");
  await staff.page.getByRole("button", { name: "Send me the morning e-mail" }).click();
  await expect(staff.page.getByTestId("digest-state")).toContainText("Each morning at 08:30");
  await staff.context.close();
});

// The server Playwright starts (scripts/app/run.mjs) sends reminders to its local outbox.
const OUTBOX = `http://127.0.0.1:${APP_PORT + 80}/messages`;
interface Outbox {
  mails: { to: string[]; subject: string; text: string }[];
  webhooks: { robot: string | null; body: { msgtype?: string; markdown?: { content?: string } } }[];
}

test("the morning digest, run from the job queue, reaches the assignee's mailbox and the team's own group-chat robot", async ({ browser }) => {
  // The queue is pg-boss on the server database; the PGlite run has no queue to call.
  test.skip(!process.env.DATABASE_URL, "the job queue runs on the server database");
  test.setTimeout(120_000);
  // An admin gives the NEV team a robot of its own (here the local outbox, as /webhook/nev); an
  // address of a known vendor must be given that vendor's format.
  const admin = await openAs(browser, "admin");
  await admin.page.goto("/admin/teams");
  const nev = admin.page.getByRole("listitem", { name: "新能源汽车招商组" });
  await nev.getByText("Group chat robot", { exact: true }).click();
  const robotForm = nev.getByRole("form", { name: "Group chat robot 新能源汽车招商组" });
  await robotForm.getByLabel("Webhook address").fill("https://oapi.dingtalk.com/robot/send?access_token=nev");
  await robotForm.getByRole("button", { name: "Save" }).click();
  await expect(robotForm.getByText("This address belongs to another kind of robot; choose the matching kind.")).toBeVisible();
  await robotForm.getByLabel("Webhook address").fill(`http://127.0.0.1:${APP_PORT + 80}/webhook/nev`);
  await robotForm.getByRole("button", { name: "Save" }).click();
  await expect(nev.getByTestId("team-robot")).toHaveText(`Group chat robot: WeCom (企业微信) (127.0.0.1:${APP_PORT + 80})`);
  await admin.context.close();

  const { context, page } = await openAs(browser, "manager");
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(`Digest Test Co ${unique()}`);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  const title = `Call about the digest ${unique()}`;
  const followUps = page.getByRole("region", { name: "Follow-ups" });
  await followUps.getByText("New follow-up").click();
  await followUps.getByLabel("What needs doing?").fill(title);
  await followUps.getByRole("button", { name: "Add follow-up" }).click();
  const item = followUps.getByRole("listitem", { name: title });
  await item.getByRole("button", { name: "Reassign…" }).click();
  await item.getByLabel("Give it to").selectOption({ label: "李明" });
  await item.getByRole("button", { name: "Reassign", exact: true }).click();
  await expect(page.getByText("Follow-up reassigned")).toBeVisible();
  await context.close();

  // What the 08:30 schedule does: one digest job, on the app's own database.
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/landfall_e2e";
  const boss = new PgBoss({ connectionString: url.toString(), schema: "pgboss", max: 1 });
  await boss.start();
  await boss.send("notifications-digest", {});
  await boss.stop({ graceful: false, wait: true });

  await expect
    .poll(async () => {
      const outbox = (await (await fetch(OUTBOX)).json()) as Outbox;
      const mail = outbox.mails.find((m) => m.to.includes("staff@landfall.example") && m.text.includes(title));
      // The NEV team's summary goes to its own robot.
      const chat = outbox.webhooks.find((w) => w.robot === "nev" && w.body.msgtype === "markdown" && w.body.markdown?.content?.includes("李明"));
      return { mail: Boolean(mail), chat: Boolean(chat) };
    }, { timeout: 60_000 })
    .toEqual({ mail: true, chat: true });
});
