import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import fc from "fast-check";
import { BASE_URL } from "../playwright.config";
import { pool, storageStatePath } from "./support";

// Every route handler under app/api, signed in, fed generated malformed query strings, path
// segments and bodies over real HTTP: no answer is a 5xx, each is one of the statuses the route
// documents, and no body carries a stack trace or SQL. The inputs change from day to day (the
// seed is the UTC date), so successive runs cover more of them than any one run could in its
// time; HOSTILE_SEED=<n> replays a run, and a failure names its seed.

const SEED = Number(process.env.HOSTILE_SEED ?? new Date().toISOString().slice(0, 10).replaceAll("-", ""));
const RUNS = 300;
const IN_FLIGHT = 8;

const SQL = ["'; drop table enterprises; --", "' or 1=1 --", "1 union select email from users", "$$;select pg_sleep(5);$$", "%' --"];
const HTML = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)"];
const CONTROL = ["\u0000", "a\u0000b", "\u0007", "\u001b[2J", "\u202eevil", "\r\nSet-Cookie: x=1", "\u007f"];
const WRONG_IDS = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffffff", "1", "-1", "../../etc/passwd", "..", "%2e%2e", "null", "undefined", "[object Object]"];
const HUGE = "A".repeat(6000);
const NUMBERS = ["0", "-1", "1e12", "99999999999999999999", "NaN", "Infinity", "2147483648", "0x1F", "1.5", "-0"];

const hostileText = fc.oneof(
  fc.constantFrom(...SQL, ...HTML, ...CONTROL, ...WRONG_IDS, ...NUMBERS, HUGE, "", " "),
  fc.uuid(),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.tuple(fc.constantFrom(...SQL, ...HTML, ...CONTROL), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
);

/**
 * A query string with the route's own parameter names (repeated, too) and names it does not know.
 * `ids` are parameters that must hold a record id: half the time they get a well-formed one, so
 * the other parameters' hostile values get past the id check and reach the database.
 */
function queryString(names: string[], ids: string[] = []) {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "role", "teamId", "q[]", "$where") }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  const idPairs = fc.tuple(...ids.map((id) => fc.option(fc.uuid().map((v) => [id, v] as [string, string]), { freq: 2 })));
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(idPairs, fc.array(fc.tuple(name, hostileText), { maxLength: 6 }))
        .map(([given, pairs]) => new URLSearchParams([...given.filter((p): p is [string, string] => p !== null), ...pairs]).toString()),
    },
    // Malformed percent-encoding and raw separators, sent as they are.
    { weight: 1, arbitrary: fc.constantFrom("q=%", "q=%E0%A4%A", "q=%00", "q=%zz", "&&&==&", "q=a&q=b&q=c", "q=%u0041", "=x", "q") },
  );
}

/** A path segment: encoded hostile text, or raw malformed encodings. */
const segment = fc.oneof(
  { weight: 6, arbitrary: hostileText.filter((s) => s.length > 0).map((s) => encodeURIComponent(s)) },
  { weight: 1, arbitrary: fc.constantFrom("%", "%E0%A4%A", "%00", "%2F", "..%2F..%2Fetc%2Fpasswd", "%25", "a%2Fb", ".ics", "x.ics") },
);

type Check = { path: string; method: string; body?: string; contentType?: string };

interface Route {
  name: string;
  /** Who asks: staff, or a manager or admin where the route is for them. */
  as: "staff" | "manager" | "admin";
  requests: fc.Arbitrary<Check>;
  /** Statuses this route may answer to malformed input. */
  statuses: number[];
  runs?: number;
}

const get = (path: string): Check => ({ path, method: "GET" });

const ROUTES: Route[] = [
  {
    name: "enterprise search",
    as: "staff",
    requests: queryString(["q", "name", "code"]).map((q) => get(`/api/enterprises/search?${q}`)),
    statuses: [200, 400],
  },
  {
    name: "enterprise export",
    as: "staff",
    requests: queryString(["q", "chain", "node", "country", "city", "owner", "team", "size", "ownership", "active", "sort", "cols", "cursor"], ["chain", "team"]).map((q) => get(`/api/enterprises/export?${q}`)),
    statuses: [200, 400],
  },
  {
    name: "an enterprise's contacts",
    as: "staff",
    requests: fc.tuple(segment, queryString(["id"])).map(([id, q]) => get(`/api/enterprises/${id}/contacts?${q}`)),
    // 308: a "." or ".." segment, which the server resolves and redirects to the normalised path.
    statuses: [200, 308, 400, 404],
  },
  {
    name: "pipeline",
    as: "staff",
    // `stage` and `after` ask for one column's next page and are refused (400) when malformed.
    requests: queryString(["team", "owner", "chain", "status", "view", "stage", "after", "inStage", "stageFrom", "reached", "event", "from", "to"], ["team", "owner", "chain"]).map((q) => get(`/api/pipeline?${q}`)),
    statuses: [200, 400],
  },
  {
    // The pages a review figure links to and the events list's order: whatever the URL holds, a page (malformed filters read as none).
    name: "figure filters and event order on list pages",
    as: "staff",
    requests: fc.oneof(
      queryString(["team", "owner", "chain", "status", "inStage", "stageFrom", "reached", "event", "from", "to"], ["team", "owner", "chain"]).map((q) => get(`/pipeline?view=list&${q}`)),
      queryString(["kind", "year", "sort", "after"]).map((q) => get(`/events?${q}`)),
    ),
    // 400: a malformed percent-encoding the server refuses before any page code runs.
    statuses: [200, 400],
    runs: 150,
  },
  {
    // Takes no parameters: a short run proves it ignores what it is sent.
    name: "people",
    as: "staff",
    requests: queryString(["q", "team"]).map((q) => get(`/api/people?${q}`)),
    statuses: [200],
    runs: 100,
  },
  {
    name: "evidence",
    as: "staff",
    requests: segment.map((id) => get(`/api/evidence/${id}`)),
    statuses: [308, 400, 404],
  },
  {
    name: "review export",
    as: "manager",
    requests: queryString(["table", "year", "team", "chain"], ["team", "chain"]).map((q) => get(`/api/review/export?${q}`)),
    statuses: [200, 400, 403, 404],
  },
  {
    name: "pipeline export",
    as: "staff",
    // An unknown `format` is refused (400); every malformed filter reads as no filter. Short: each answer is a whole export.
    requests: queryString(["team", "owner", "chain", "status", "stage", "reached", "event", "from", "to", "format"], ["team", "owner", "chain"]).map((q) => get(`/api/pipeline/export?${q}`)),
    statuses: [200, 400],
    runs: 300,
  },
  {
    // A malformed month or team is refused (400), an unknown team is 404. Short: each answer is a whole report.
    name: "monthly report workbook",
    as: "manager",
    requests: queryString(["month", "team"], ["team"]).map((q) => get(`/api/review/monthly?${q}`)),
    statuses: [200, 400, 404],
    runs: 200,
  },
  {
    // The page answers a malformed month or team, and an unknown team, with its 404 page.
    name: "monthly report page",
    as: "staff",
    requests: queryString(["month", "team"], ["team"]).map((q) => get(`/review/monthly?${q}`)),
    statuses: [200, 400, 404],
    runs: 200,
  },
  {
    name: "search box",
    as: "staff",
    requests: queryString(["q"]).map((q) => get(`/api/search?${q}`)),
    statuses: [200],
    runs: 300,
  },
  {
    // The inbox takes no parameters: whatever the URL holds, the reader's own inbox.
    name: "inbox",
    as: "staff",
    requests: queryString(["id", "page", "read"]).map((q) => get(`/notifications?${q}`)),
    statuses: [200, 400],
    runs: 150,
  },
  {
    name: "attachments",
    as: "staff",
    requests: fc.tuple(segment, fc.constantFrom("", "?inline=1", "?inline=%00")).map(([id, q]) => get(`/api/attachments/${id}${q}`)),
    statuses: [308, 400, 404],
    runs: 300,
  },
  {
    name: "record history",
    as: "staff",
    requests: fc.tuple(fc.oneof(fc.constantFrom("project", "event", "delegation", "visit", "enterprise"), segment), segment).map(([type, id]) => get(`/api/history/${type}/${id}`)),
    statuses: [308, 400, 404],
  },
  {
    // Every malformed filter reads as no filter; a short run, as each export is itself logged.
    name: "audit log export",
    as: "admin",
    requests: queryString(["person", "type", "record", "action", "from", "to", "before"], ["person", "record"]).map((q) => get(`/api/admin/audit/export?${q}`)),
    statuses: [200],
    runs: 150,
  },
  {
    name: "merge candidates",
    as: "manager",
    requests: queryString(["merged", "q"], ["merged"]).map((q) => get(`/api/enterprises/merge/candidates?${q}`)),
    statuses: [200, 400, 403, 404],
  },
  {
    name: "merge preview",
    as: "manager",
    requests: queryString(["survivor", "merged"], ["survivor", "merged"]).map((q) => get(`/api/enterprises/merge/preview?${q}`)),
    statuses: [200, 400, 403, 404],
  },
  {
    name: "health",
    as: "staff",
    requests: queryString(["db", "verbose"]).map((q) => get(`/api/health?${q}`)),
    statuses: [200],
  },
  {
    // Writes to read-only routes, with hostile bodies: refused by method.
    name: "bodies sent to read-only routes",
    as: "staff",
    requests: fc
      .record({
        path: fc.constantFrom("/api/enterprises/search", "/api/enterprises/export", "/api/pipeline", "/api/people", "/api/review/export", "/api/pipeline/export", "/api/review/monthly", "/api/health", "/api/evidence/x", "/api/enterprises/merge/preview", "/api/admin/audit/export", "/api/search", "/api/attachments/x"),
        method: fc.constantFrom("POST", "PUT", "PATCH", "DELETE"),
        body: fc.oneof(fc.json(), hostileText, fc.constant("{\"__proto__\":{\"role\":\"admin\"}}"), fc.constant(`{"a":"${HUGE}"}`)),
        contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"),
      })
      .map((c) => c as Check),
    statuses: [400, 404, 405],
  },
];

// The browser suite raises the feed's per-client budget (playwright.config.ts) so these requests
// leave room for the calendar spec; a token repeated past its own budget may still answer 429.
const CALENDAR_RUNS = RUNS;

const LEAK = /\n\s+at |\bat \S+ \(\/|node_modules|\binsert\s+into\b|violates|relation "|column "|ZodError|drizzle|TypeError|ReferenceError|SyntaxError|PostgresError|pglite|\.next\/server/i;

async function probe(api: APIRequestContext, checks: Check[], allowed: number[]) {
  const problems: string[] = [];
  const seen = new Map<number, number>();
  await pool(checks, IN_FLIGHT, async (c) => {
    const send = () =>
      api.fetch(c.path, {
        method: c.method,
        data: c.body,
        headers: c.contentType ? { "content-type": c.contentType } : undefined,
        maxRedirects: 0,
        failOnStatusCode: false,
      });
    // A kept-alive connection the server closed just as the request went out is reset by the
    // transport, not answered by the app: send that request again, once.
    const response = await send().catch((error: Error) => {
      if (/ECONNRESET|socket hang up/.test(error.message)) return send();
      throw error;
    });
    const status = response.status();
    seen.set(status, (seen.get(status) ?? 0) + 1);
    const type = response.headers()["content-type"] ?? "";
    const body = type.includes("text/csv") || type.includes("octet") || type.includes("spreadsheetml") ? "" : (await response.text()).slice(0, 20_000);
    const where = `${c.method} ${c.path.slice(0, 200)}`;
    if (status >= 500) problems.push(`${status} for ${where}: ${body.slice(0, 200)}`);
    else if (!allowed.includes(status)) problems.push(`unexpected ${status} for ${where}`);
    else if (LEAK.test(body)) problems.push(`leak in ${status} for ${where}: ${body.match(LEAK)?.[0]}`);
  });
  return { problems: problems.slice(0, 10), seen: Object.fromEntries(seen) };
}

async function session(as: Route["as"]) {
  return playwrightRequest.newContext({ baseURL: BASE_URL, storageState: storageStatePath(as) });
}

test.describe("hostile input to every route handler", () => {
  test.describe.configure({ timeout: 240_000 });

  for (const route of ROUTES) {
    test(`${route.name}: ${route.runs ?? RUNS} malformed requests, no 5xx, no stack or SQL`, async () => {
      const api = await session(route.as);
      const checks = fc.sample(route.requests, { numRuns: route.runs ?? RUNS, seed: SEED });
      const { problems, seen } = await probe(api, checks, route.statuses);
      await api.dispose();
      expect(problems, `seed ${SEED}, statuses ${JSON.stringify(seen)}`).toEqual([]);
      expect(checks.length).toBe(route.runs ?? RUNS);
    });
  }

  test(`calendar feed: ${CALENDAR_RUNS} malformed tokens answer 404 (or 429 once the budget is spent)`, async () => {
    const api = await session("staff");
    const checks = fc.sample(segment, { numRuns: CALENDAR_RUNS, seed: SEED }).map((token) => get(`/api/calendar/${token}`));
    const { problems, seen } = await probe(api, checks, [308, 400, 404, 429]);
    await api.dispose();
    expect(problems, `seed ${SEED}, statuses ${JSON.stringify(seen)}`).toEqual([]);
    expect(seen[404] ?? 0).toBeGreaterThan(0);
  });

  test("sign-in routes: hostile query strings are not a 5xx", async () => {
    const api = await session("staff");
    const paths = [
      "/api/auth/session?x=<script>alert(1)</script>",
      "/api/auth/csrf?%00=1",
      "/api/auth/providers?' or 1=1 --",
      "/api/auth/signin?callbackUrl=javascript:alert(1)",
      "/api/auth/signin?callbackUrl=https://evil.example/",
      "/api/auth/signin/oidc?callbackUrl=%E0%A4%A",
      "/api/auth/callback/oidc?code=' or 1=1 --&state=<script>",
      "/api/auth/callback/oidc?error=%00&error_description=\u202e",
      "/api/auth/error?error=<script>alert(1)</script>",
      "/api/auth/no-such-action?x=1",
    ].map(get);
    const { problems } = await probe(api, paths, [200, 302, 303, 307, 400, 404, 405, 429]);
    await api.dispose();
    expect(problems).toEqual([]);
  });
});
