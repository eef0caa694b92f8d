import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { signInAtIdp } from "../../../e2e/support";
import { EVIDENCE_MAX_BYTES } from "../../../lib/evidence/limits";
import { shanghaiDay } from "../../../lib/time";

// The scale-out harness's browser journey (scripts/test/scale-out/run.mjs starts nginx in front of
// the app instances and runs this with their addresses; `npm run e2e` never sees it): a manager
// signs in through the real identity provider, creates an enterprise, finds it in the list and
// opens it, starts a project, moves its card on the board into Registered (注册), which asks
// for evidence, with a file just under the 10 MB limit, and downloads that file again. Nothing
// may fail, and its pages, actions and downloads together must have been served by every
// instance. The harness then fetches the file from each instance directly (SCALE_OUT_REPORT).

const PROXY = process.env.SCALE_OUT_URL!;
const IDP = new RegExp(`^http://localhost:${process.env.SCALE_OUT_IDP_PORT}/`);
const UPSTREAMS = (process.env.SCALE_OUT_UPSTREAMS ?? "").split(",").filter(Boolean);

interface Served {
  kind: "document" | "action" | "download";
  method: string;
  path: string;
  status: number;
  /** The X-Upstream header nginx adds: the instance that answered. */
  upstream: string;
}

/** Records every page load and server action of the page that went through the proxy. */
function recordServed(page: Page, served: Served[]) {
  page.on("response", (response) => {
    const request = response.request();
    if (!response.url().startsWith(PROXY)) return;
    const kind = request.resourceType() === "document" ? "document" : request.headers()["next-action"] ? "action" : null;
    if (!kind) return;
    served.push({ kind, method: request.method(), path: new URL(response.url()).pathname, status: response.status(), upstream: response.headers()["x-upstream"] ?? "" });
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A PDF the app accepts (its header first, %%EOF at the end), `size` bytes long, written to disk for the browser to read. */
async function evidenceFile(size: number) {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write("%PDF-1.4\n1 0 obj <<>> endobj\n", 0, "latin1");
  bytes.write("trailer <<>>\n%%EOF\n", size - 20, "latin1");
  const file = test.info().outputPath("scale-out-evidence.pdf");
  await writeFile(file, bytes);
  return { file, sha: sha256(bytes) };
}

// What the harness reads (SCALE_OUT_REPORT), written even when the journey fails: every request
// recorded, and where the evidence file is with the session to fetch it.
const served: Served[] = [];
const report: { served: Served[]; evidence?: { href: string; sha256: string; cookies: string } } = { served };
test.afterEach(async () => {
  if (process.env.SCALE_OUT_REPORT) await writeFile(process.env.SCALE_OUT_REPORT, JSON.stringify(report));
});

test("a manager's journey through the proxy is served by every instance and nothing fails", async ({ page }) => {
  test.setTimeout(240_000);
  recordServed(page, served);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const enterprise = `Scale Out ${tag} Ltd`;
  const project = `Scale out project ${tag}`;

  await test.step("sign in through the identity provider", async () => {
    await page.goto("/enterprises");
    await signInAtIdp(page, "manager", IDP);
    await expect(page.getByRole("heading", { name: "Enterprises", level: 1 })).toBeVisible();
  });

  await test.step("create an enterprise, find it in the list and open it", async () => {
    await page.goto("/enterprises/new");
    await page.getByLabel("English name").fill(enterprise);
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    // The list reads from the replica: the write just made must be there all the same.
    await page.goto("/enterprises");
    await page.getByRole("searchbox", { name: "Search" }).fill(`scale out ${tag}`);
    // The list follows the search box through the URL: wait for it, as a person waits for the list.
    await expect(page).toHaveURL(new RegExp(`q=.*${tag}`));
    await page.getByRole("link", { name: enterprise }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(enterprise);
  });
  const enterpriseId = page.url().split("/").at(-1)!;

  await test.step("start a project at Signed", async () => {
    await page.goto(`/projects/new?enterprise=${enterpriseId}`);
    const form = page.getByRole("main");
    await form.getByLabel("Project name").fill(project);
    await form.getByLabel("Starting stage").selectOption({ label: "Signed" });
    await form.getByLabel("Signing date").fill(shanghaiDay());
    await form.getByLabel("Planned investment").fill("800");
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  });
  const projectPath = new URL(page.url()).pathname;

  const evidence = await evidenceFile(EVIDENCE_MAX_BYTES - 4096);
  await test.step("move its card on the board to Registered, with evidence just under 10 MB", async () => {
    await page.goto("/pipeline?owner=me");
    await expect(page.locator("[data-board-ready=true]")).toBeVisible();
    const menu = page.getByRole("region", { name: "Signed", exact: true }).getByRole("combobox", { name: `Move ${project} to` });
    await menu.focus();
    await menu.selectOption({ label: "Registered" });
    const dialog = page.getByRole("dialog", { name: `Verify ${project}: Registered` });
    await dialog.getByLabel("Evidence file").setInputFiles(evidence.file);
    await dialog.getByRole("button", { name: "Verify and move" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("region", { name: "Registered", exact: true }).getByRole("listitem", { name: project, exact: true })).toBeVisible();
    // The card moves at once; the toast says the server has stored the move and its file.
    await expect(page.getByText(`${project} moved to Registered.`).first()).toBeVisible({ timeout: 60_000 });
  });

  await test.step("download the evidence from the project's history, then again through the proxy", async () => {
    await page.goto(projectPath);
    await expect(page.getByTestId("project-stage")).toHaveText("Registered");
    const link = page.getByRole("list", { name: "Stage changes, newest first" }).getByRole("link", { name: "Evidence: scale-out-evidence.pdf" });
    const href = (await link.getAttribute("href"))!;
    const answered = page.waitForResponse((r) => r.url().endsWith(href));
    const download = page.waitForEvent("download");
    await link.click();
    const response = await answered;
    expect(response.status(), `the evidence link, answered by ${response.headers()["x-upstream"]}`).toBe(200);
    expect(sha256(await readFile((await (await download).path())!))).toBe(evidence.sha);
    // Round robin: consecutive requests go to different instances; each must find the file.
    const cookies = (await page.context().cookies(PROXY)).map((c) => `${c.name}=${c.value}`).join("; ");
    report.evidence = { href, sha256: evidence.sha, cookies };
    for (let i = 0; i < 2 * UPSTREAMS.length; i++) {
      const response = await page.request.get(href);
      served.push({ kind: "download", method: "GET", path: href, status: response.status(), upstream: response.headers()["x-upstream"] ?? "" });
      expect(response.status(), `download ${i + 1} via ${response.headers()["x-upstream"]}`).toBe(200);
      expect(sha256(await response.body())).toBe(evidence.sha);
    }
  });

  const failed = served.filter((s) => s.status >= 400);
  expect(failed, "requests of the journey that failed").toEqual([]);
  const instances = new Set(served.flatMap((s) => s.upstream.split(", ")));
  expect([...instances].sort(), "the instances that served the journey").toEqual(expect.arrayContaining(UPSTREAMS));
});
