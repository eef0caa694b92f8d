import { randomUUID } from "node:crypto";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Database } from "@/db";
import * as schema from "@/db/schema";
import { type ActionDefinition, type ActionResult, runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { serverActionFiles } from "@/test/support/source-files";
import { isPlainText } from "@/lib/validation";

// Every server action, fed generated hostile input by a user of another team: each answer is a
// result (never a throw), refuses with a clear message that leaks nothing, and changes no row.
// HOSTILE_SEED=<n> replays a run; HOSTILE_RUNS=<n> changes the number of inputs per action.

const SEED = Number(process.env.HOSTILE_SEED ?? 20_261_121);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
/** Runs per action with well-formed input aimed at another team's records (these reach the database). */
const TARGET_RUNS = Number(process.env.HOSTILE_TARGET_RUNS ?? 40);

// ---------------------------------------------------------------------------------------------
// The actions: every export of every "use server" file, as lib/action.test.ts finds them.

const ACTION_FILES = serverActionFiles();

type Def = ActionDefinition<z.ZodType, unknown>;
interface Entry {
  label: string;
  def: Def;
}

// ---------------------------------------------------------------------------------------------
// zod 4 introspection: the object shape under preprocess/pipe/optional wrappers, enum options.

type Node = { _zod: { def: Record<string, unknown> & { type: string } } };
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

function unwrap(schema: unknown, pick: (d: Node["_zod"]["def"]) => unknown): unknown {
  let cur = schema as Node;
  for (let i = 0; i < 12 && cur?._zod; i++) {
    const d = cur._zod.def;
    const found = pick(d);
    if (found !== undefined) return found;
    if (d.type === "pipe") cur = ((d.in as Node)._zod.def.type === "transform" ? d.out : d.in) as Node;
    else if (WRAPPERS.has(d.type)) cur = d.innerType as Node;
    else return undefined;
  }
  return undefined;
}
const shapeOf = (s: unknown) => unwrap(s, (d) => (d.type === "object" ? (d.shape as Record<string, z.ZodType>) : undefined)) as Record<string, z.ZodType> | undefined;
const optionsOf = (s: unknown) =>
  (unwrap(s, (d) => (d.type === "enum" ? Object.values(d.entries as object) : d.type === "literal" ? (d.values as unknown[]) : undefined)) as unknown[] | undefined) ?? [];

// ---------------------------------------------------------------------------------------------
// Hostile material.

const SQL = [
  "'; drop table enterprises; --",
  "' or 1=1 --",
  '" or ""="',
  "1; update users set role='admin' --",
  "$$; select pg_sleep(10); $$",
  "%' and 1=0 union select email from users --",
  "\\'; truncate audit_log; --",
];
const HTML = [
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "<a href='//evil.example'>click</a>",
];
const CONTROL = ["nul\u0000byte", "bell\u0007", "esc\u001b[2J", "bidi\u202eevil", "\u0000", "a\u0008b", "del\u007f", "iso\u2066late"];
const WRONG_IDS = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffffff",
  "1",
  "-1",
  "../../etc/passwd",
  "%00",
  "6f1e2b3c-0000-4000-8000-00000000000g",
];
const HUGE = `${SQL[0]}${HTML[0]}`.repeat(1 + Math.ceil(100_000 / (SQL[0]!.length + HTML[0]!.length)));
const NUMBERS = [0, -1, 1e12, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0];
const ODD = [null, true, false, [], {}, [1, 2, 3], { nested: { deep: [1, { x: "y" }] } }, { $ne: null }, { $gt: "" }, new Date(0)];
/** Values no field of any action should accept; each field is poisoned with one of those it refuses. */
const POISONS: unknown[] = [HUGE, ...CONTROL, { $ne: null }, [{}], { nested: { deep: true } }, Number.NaN, 1e12, -1, null, "'; drop table enterprises; --", "not-a-uuid"];
const STRING_POISONS = POISONS.filter((p): p is string => typeof p === "string");
/** Names a caller might add hoping the write takes them. */
const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "role", "teamId", "ownerId", "createdBy", "updatedBy", "deletedAt", "id", "version", "isAdmin", "$ACTION_ID_x"];

/** Strings a free-text field may legitimately hold; stored, they must come back exactly. */
const PLAUSIBLE = ["1", "2", "2026-05-12", "2026-05-12T10:00", "on", "true", "CN", "CNY", "wan", "100", "Landfall 测试", ...SQL.slice(0, 2), ...HTML.slice(0, 2)];

// ---------------------------------------------------------------------------------------------
// World: team A with one record of every kind, team B's people acting on them.

let database: Database;
let teamA: { id: string }, teamB: { id: string };
let staffA: Viewer, staffB: Viewer, managerB: Viewer, adminB: Viewer, viewer: Viewer;
let idsOfA: string[] = [];
let entries: Entry[] = [];

async function buildWorld() {
  const db = database.db;
  teamA = await makeTeam(db);
  teamB = await makeTeam(db);
  staffA = await makeViewer(db, "staff", teamA.id);
  const managerA = await makeViewer(db, "manager", teamA.id);
  staffB = await makeViewer(db, "staff", teamB.id);
  managerB = await makeViewer(db, "manager", teamB.id);
  adminB = await makeViewer(db, "admin", teamB.id);
  viewer = await makeViewer(db, "viewer", teamB.id);
  const own = { ownerId: staffA.id, teamId: teamA.id, createdBy: staffA.id, updatedBy: staffA.id };
  const one = async <T extends { id: string }>(q: Promise<T[]>) => (await q)[0]!;
  const ins = <T extends Parameters<typeof db.insert>[0]>(table: T, values: Record<string, unknown>) =>
    one(db.insert(table).values(values as never).returning() as unknown as Promise<{ id: string }[]>);

  const chain = await ins(schema.industrialChains, { code: `c-${randomUUID()}`, nameZh: "链", nameEn: "Chain" });
  const node = await ins(schema.chainNodes, { chainId: chain.id, code: `n-${randomUUID()}`, nameZh: "节点", nameEn: "Node" });
  const enterprise = await ins(schema.enterprises, { ...own, nameZh: "甲企业", nameKey: "甲企业" });
  const deleted = await ins(schema.enterprises, { ...own, nameZh: "已删企业", nameKey: "已删企业", deletedAt: new Date() });
  const contact = await ins(schema.contacts, { ...own, enterpriseId: enterprise.id, name: "张三" });
  const event = await ins(schema.events, { ...own, kind: "docking", nameZh: "甲活动", startsOn: "2026-05-12", endsOn: "2026-05-13" });
  const participant = await ins(schema.eventParticipants, { ...own, eventId: event.id, enterpriseId: enterprise.id });
  const delegation = await ins(schema.delegations, { ...own, direction: "outbound", name: "甲团组", startsOn: "2026-06-01", endsOn: "2026-06-05" });
  const member = await ins(schema.delegationMembers, { ...own, delegationId: delegation.id, userId: staffA.id, name: "A" });
  const link = await ins(schema.delegationEnterprises, { ...own, delegationId: delegation.id, enterpriseId: enterprise.id });
  const visit = await ins(schema.visits, { ...own, enterpriseId: enterprise.id, occurredAt: new Date("2026-05-12T02:00:00Z") });
  const stop = await ins(schema.itineraryStops, { ...own, delegationId: delegation.id, position: 1, startsAt: new Date("2026-06-02T01:00:00Z"), enterpriseId: enterprise.id });
  const project = await ins(schema.projects, { ...own, enterpriseId: enterprise.id, name: "甲项目" });
  const followUp = await ins(schema.followUps, { ...own, enterpriseId: enterprise.id, projectId: project.id, title: "回访", dueOn: "2026-07-01", assigneeId: staffA.id });
  const change = await ins(schema.stageChanges, { projectId: project.id, toStage: "signed", changedBy: staffA.id });
  const tranche = await ins(schema.fundTranches, { projectId: project.id, receivedOn: "2026-05-01", amount: "1000000" });
  const target = await ins(schema.targets, { year: 2026, teamId: teamA.id });
  const view = await ins(schema.savedViews, { userId: staffA.id, screen: "enterprises", name: "A view", query: "q=x" });
  // An unread item of staffA's inbox: no one else may mark it.
  const notice = await ins(schema.notifications, { recipientId: staffA.id, kind: "followUpAssigned", recordType: "follow_up", recordId: followUp.id, actorId: managerA.id });
  idsOfA = [
    teamA.id,
    staffA.id,
    managerA.id,
    chain.id,
    node.id,
    enterprise.id,
    deleted.id,
    contact.id,
    event.id,
    participant.id,
    delegation.id,
    member.id,
    link.id,
    visit.id,
    stop.id,
    project.id,
    followUp.id,
    change.id,
    tranche.id,
    target.id,
    view.id,
    notice.id,
  ];
}

/** Rows of a raw query from either driver: PGlite answers { rows }, postgres.js an array. */
async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await database.db.execute(statement)) as unknown as { rows?: T[] } & T[];
  return res.rows ?? [...res];
}

/** Every table's row count and a digest of its rows, in one query. */
async function fingerprint(except: string[] = []): Promise<Record<string, string>> {
  const tables = (await query<{ t: string }>(sql`select tablename as t from pg_tables where schemaname = 'public' and tablename not like '%migrations%' order by 1`))
    .map((r) => r.t)
    .filter((name) => !except.includes(name));
  const parts = tables.map((name) => `select '${name}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as f from "${name}" x`);
  const rows = await query<{ t: string; f: string }>(sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

// ---------------------------------------------------------------------------------------------
// Judging an answer.

const LEAK = /\n\s+at |\bat \S+ \(|node_modules|\bselect\s|\binsert\s+into|\bupdate\s+"?\w+"?\s+set\b|\bdelete\s+from|violates|relation "|column "|ZodError|drizzle|postgres|pglite|TypeError|ReferenceError|undefined|\[object /i;
const UNTRANSLATED = /^[a-zA-Z]+(\.[a-zA-Z]+)+$/;

/** Checks one answer; plain checks rather than expect(), as this runs some 70,000 times. */
function judge(result: unknown, allowed?: Set<string>): ActionResult<unknown> {
  const fail = (why: string) => {
    throw new Error(`${why}: ${JSON.stringify(result)?.slice(0, 500)}`);
  };
  if (!result || typeof result !== "object") fail("not a result");
  const r = result as ActionResult<unknown>;
  if (typeof r.ok !== "boolean") fail("no ok flag");
  if (r.ok) return r;
  if (typeof r.message !== "string" || r.message.trim() === "") fail("no message");
  if (r.message === t("errors.unexpected")) fail("an unexpected error");
  if (UNTRANSLATED.test(r.message)) fail("an untranslated message");
  if (LEAK.test(r.message)) fail("a message that leaks internals");
  if (allowed && !allowed.has(r.message)) fail(`not one of ${[...allowed].join(" / ")}`);
  for (const [field, messages] of Object.entries(r.fieldErrors ?? {})) {
    if (LEAK.test(field)) fail("a field name that leaks internals");
    if (!Array.isArray(messages) || messages.length === 0) fail(`no message for ${field}`);
    for (const m of messages) {
      if (typeof m !== "string" || m.trim() === "") fail(`an empty message for ${field}`);
      if (UNTRANSLATED.test(m)) fail(`an untranslated message for ${field}`);
      if (LEAK.test(m)) fail(`a message for ${field} that leaks internals`);
    }
  }
  return r;
}

const run = (def: Def, who: Viewer, payload: unknown) => runAction(def, { viewer: who, db: database.db, t }, payload);

/** The least powerful person of team B allowed past the action's role gate. */
function actorFor(def: Def): Viewer {
  return def.minRole === "admin" ? adminB : def.minRole === "manager" ? managerB : staffB;
}

function setOwn(obj: Record<string, unknown>, key: string, value: unknown) {
  // An own "__proto__" key, as JSON.parse or a form would produce, not a prototype change.
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
}

function toFormData(obj: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v)) for (const item of v) form.append(k, String(item));
    else if (v !== undefined) form.append(k, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
  }
  return form;
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  database = await openTestDatabase();
  await buildWorld();
  for (const file of ACTION_FILES) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const def = typeof value === "function" ? (value as { definition?: Def }).definition : undefined;
      if (def) entries.push({ label: `${path.relative(process.cwd(), file)}#${name}`, def });
    }
  }
  entries = entries.sort((a, b) => a.label.localeCompare(b.label));
}, 120_000);
afterAll(() => database?.close());

describe("hostile input to every server action", () => {
  it("finds every action", () => {
    expect(ACTION_FILES.length).toBeGreaterThan(20);
    expect(entries.length).toBeGreaterThan(40);
    for (const { label, def } of entries) expect(shapeOf(def.input), `${label} has an object input`).toBeDefined();
  });

  it("every free-text field refuses control characters and 100,000-character strings", () => {
    const weak: string[] = [];
    for (const { label, def } of entries) {
      for (const [field, fieldSchema] of Object.entries(shapeOf(def.input) ?? {})) {
        // Free text: the words typed come back in the parsed value (checkboxes and files do not).
        const typed = fieldSchema.safeParse("Landfall 测试");
        if (!typed.success || !JSON.stringify(typed.data ?? null).includes("Landfall 测试")) continue;
        for (const bad of ["Land\u0000fall", "Land\u001bfall", "Land\u202efall", "L".repeat(100_001)]) {
          if (fieldSchema.safeParse(bad).success) weak.push(`${label}.${field} accepts ${JSON.stringify(bad.slice(0, 12))}${bad.length > 12 ? "…" : ""}`);
        }
      }
    }
    expect(weak).toEqual([]);
  });

  it(`refuses ${RUNS} malformed inputs per action from another team, with a clear message and no row changed`, async () => {
    const hostileString = fc.oneof(
      fc.constantFrom(...SQL, ...HTML, ...CONTROL, ...WRONG_IDS, HUGE, "", " ", "\t\n"),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.tuple(fc.constantFrom(...SQL, ...HTML, ...CONTROL), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
    );
    const idValue = fc.oneof(fc.constantFrom(...idsOfA), fc.uuid());
    const hostileValue = fc.oneof(
      { weight: 4, arbitrary: hostileString },
      { weight: 4, arbitrary: idValue },
      { weight: 2, arbitrary: fc.constantFrom(...NUMBERS, ...ODD) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    );
    const wrongPayload = fc.oneof(
      fc.constantFrom(null, undefined, 0, 42, "", "hello", HUGE, [], [{}], true, new Date(0), new Map(), new FormData()),
      fc.array(hostileValue, { maxLength: 4 }),
      hostileString,
    );
    const before = await fingerprint();
    const selfOnly: string[] = [];
    let counted = 0;

    for (const { label, def } of entries) {
      const shape = shapeOf(def.input)!;
      const fields = Object.keys(shape);
      const victims = fields
        .map((f) => ({ field: f, poisons: POISONS.filter((p) => !shape[f]!.safeParse(p).success) }))
        .filter((v) => v.poisons.length > 0);
      const formVictims = victims.map((v) => ({ ...v, poisons: v.poisons.filter((p) => STRING_POISONS.includes(p as string)) })).filter((v) => v.poisons.length > 0);
      const actor = actorFor(def);
      const who = fc.oneof({ weight: 9, arbitrary: fc.constant(actor) }, { weight: 1, arbitrary: fc.constant(viewer) });

      const objectPayload = (forForm: boolean) =>
        fc
          .record({
            victim: fc.constantFrom(...(forForm ? formVictims : victims)),
            pick: fc.nat(),
            present: fc.subarray(fields),
            values: fc.array(hostileValue, { minLength: fields.length, maxLength: fields.length }),
            extras: fc.subarray(EXTRA_KEYS, { maxLength: 4 }),
            extraValue: hostileValue,
          })
          .map(({ victim, pick, present, values, extras, extraValue }) => {
            const obj: Record<string, unknown> = {};
            for (const k of extras) setOwn(obj, k, k === "role" ? "admin" : k === "teamId" ? teamA.id : extraValue);
            for (const f of present) setOwn(obj, f, values[fields.indexOf(f)]);
            setOwn(obj, victim.field, victim.poisons[pick % victim.poisons.length]);
            return forForm ? toFormData(obj) : obj;
          });

      if (victims.length === 0) {
        // No field to get wrong (sign out, calendar token): only a wrong payload is refused;
        // whatever extra fields come along, the action touches the caller's own row alone.
        selfOnly.push(label);
        await fc.assert(
          fc.asyncProperty(wrongPayload.filter((p) => typeof p !== "object" || p === null || Array.isArray(p)), who, async (payload, person) => {
            const r = judge(await run(def, person, payload), new Set([t("errors.invalid")]));
            if (r.ok) throw new Error(`${label} accepted ${String(payload)}`);
          }),
          { numRuns: RUNS, seed: SEED },
        );
        counted += RUNS;
        continue;
      }

      const payload = formVictims.length
        ? fc.oneof({ weight: 6, arbitrary: objectPayload(false) }, { weight: 2, arbitrary: objectPayload(true) }, { weight: 1, arbitrary: wrongPayload })
        : fc.oneof({ weight: 7, arbitrary: objectPayload(false) }, { weight: 1, arbitrary: wrongPayload });
      const allowed = new Set([t("errors.invalid"), t("errors.forbidden")]);
      await fc.assert(
        fc.asyncProperty(payload, who, async (input, person) => {
          const r = judge(await run(def, person, input), allowed);
          if (r.ok) throw new Error(`${label} accepted a malformed input`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      counted += RUNS;
    }

    expect(counted).toBeGreaterThanOrEqual(entries.length * RUNS);
    expect(await fingerprint()).toEqual(before);
    // Only actions without input fields may be in this list.
    for (const label of selfOnly) expect(shapeOf(entries.find((e) => e.label === label)!.def.input)).toEqual({});
  }, 600_000);

  it("an action without input fields ignores extra fields such as role and teamId", async () => {
    for (const { label, def } of entries.filter((e) => Object.keys(shapeOf(e.def.input) ?? { x: 1 }).length === 0)) {
      const payload: Record<string, unknown> = { role: "admin", teamId: teamA.id, id: staffA.id, userId: staffA.id, email: "x@evil.example" };
      setOwn(payload, "__proto__", { role: "admin" });
      const r = judge(await run(def, viewer, payload));
      const [row] = await database.db.select().from(schema.users).where(eq(schema.users.id, viewer.id));
      expect(row, label).toMatchObject({ role: "viewer", teamId: teamB.id, email: viewer.email });
      expect(r.ok, label).toBe(true);
    }
    const [other] = await database.db.select().from(schema.users).where(eq(schema.users.id, staffA.id));
    expect(other).toMatchObject({ role: "staff", teamId: teamA.id });
  });

  it("well-formed input from another team aimed at team A's records, or at ids that do not exist, changes none of team A's rows", async () => {
    const before = await rowsOfA();
    const idValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...idsOfA) }, { weight: 1, arbitrary: fc.uuid() });
    const accepted = new Set<string>();
    const outcomes: Record<string, Record<string, number>> = {};
    for (const { label, def } of entries) {
      if (def.minRole === "admin") continue; // an administrator may act on every team
      const fields = Object.entries(shapeOf(def.input)!);
      const idFields = new Set(fields.filter(([, s]) => s.safeParse(randomUUID()).success && !s.safeParse("x").success).map(([f]) => f));
      if (idFields.size === 0) continue;
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [f, s] of fields) {
        // Anything the schema lets through goes on to the database, odd numbers and text included.
        const fits = [...new Set([...optionsOf(s), ...PLAUSIBLE, ...NUMBERS, ...CONTROL, "x".repeat(5000), true])].filter((v) => s.safeParse(v).success);
        arbs[f] = idFields.has(f) ? idValue : fits.length ? fc.constantFrom(...fits) : fc.constant(undefined);
      }
      const actor = actorFor(def);
      await fc.assert(
        fc.asyncProperty(fc.record(arbs), async (input) => {
          const r = judge(await run(def, actor, input));
          const k = r.ok ? "ok" : r.message;
          (outcomes[label] ??= {})[k] = (outcomes[label]![k] ?? 0) + 1;
          if (!r.ok) return;
          // A new row may point at a record everyone shares; none of team A's rows may change.
          accepted.add(label);
          expect(await rowsOfA(), `${label} with ${JSON.stringify(input)}`).toEqual(before);
        }),
        { numRuns: TARGET_RUNS, seed: SEED, endOnFailure: true },
      );
    }
    if (accepted.size) console.info(`accepted with another team's ids, team A's rows untouched: ${[...accepted].join(", ")}`);
    // The inputs are well-formed enough to reach the record checks, not stopped at the schema.
    const refusedByRecord = Object.values(outcomes).filter((o) => o[t("errors.notFound")] || o[t("errors.forbidden")]);
    expect(refusedByRecord.length).toBeGreaterThan(Object.keys(outcomes).length / 2);
  }, 600_000);
});

describe("text that looks like SQL or HTML is data", () => {
  // Valid input, not hostile: a name or note may hold any printable text, and what is stored
  // is exactly what was typed (trimmed), never interpreted.
  const printable = fc
    .oneof(
      fc.constantFrom(...SQL, ...HTML, "Robert'); DROP TABLE students;--", "\\x00", "%s%n", "${7*7}", "<!-- -->", "'||pg_sleep(1)||'"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
      fc.tuple(fc.constantFrom(...SQL, ...HTML), fc.string({ unit: "grapheme", maxLength: 20 })).map(([a, b]) => a + b),
    )
    .filter((v) => isPlainText(v) && v.trim() !== "");

  it("an enterprise's name and description come back exactly as sent", async () => {
    const create = entries.find((e) => e.def.name === "enterprise.create")!.def;
    await fc.assert(
      fc.asyncProperty(printable, printable, fc.boolean(), async (name, description, asForm) => {
        const nameZh = `${name} ${randomUUID()}`;
        const values = { nameZh, description, country: "CN" };
        const r = judge(await run(create, staffB, asForm ? toFormData(values) : values));
        if (!r.ok) throw new Error(`refused printable text: ${JSON.stringify(r)}`);
        const [row] = await database.db.select().from(schema.enterprises).where(eq(schema.enterprises.id, (r.data as { id: string }).id));
        expect(row).toMatchObject({ nameZh: nameZh.trim(), description: description.trim(), teamId: teamB.id });
      }),
      { numRuns: 200, seed: SEED },
    );
  }, 120_000);

  it("an itinerary stop's place, contact and note come back exactly as sent; its zone and phone take only what they are for", async () => {
    const def = (name: string) => entries.find((e) => e.def.name === name)!.def;
    const created = judge(await run(def("delegation.create"), staffB, { direction: "outbound", name: "乙团组", startsOn: "2027-01-12", endsOn: "2027-01-14" }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const delegationId = (created.data as { id: string }).id;
    const stop = { delegationId, date: "2027-01-13", time: "10:00", timeZone: "Europe/Berlin" };
    await fc.assert(
      fc.asyncProperty(printable.filter((v) => v.trim().length <= 100), printable, fc.boolean(), async (text, note, asForm) => {
        const values = { ...stop, place: `${text} ${randomUUID()}`.slice(-300), contactName: text, contactPhone: "+49 (731) 1234-560 ext 12", note };
        const r = judge(await run(def("delegation.stop.add"), staffB, asForm ? toFormData(values) : values));
        if (!r.ok) throw new Error(`refused printable text: ${JSON.stringify(r)}`);
        const [row] = await database.db.select().from(schema.itineraryStops).where(eq(schema.itineraryStops.id, (r.data as { id: string }).id));
        expect(row).toMatchObject({ place: values.place.trim(), contactName: text.trim(), contactPhone: values.contactPhone, note: note.trim(), timeZone: "Europe/Berlin" });
      }),
      { numRuns: 100, seed: SEED },
    );
    const before = await fingerprint();
    for (const [field, value] of [
      ["timeZone", "Europe/Berlin'; drop table itinerary_stops; --"],
      ["timeZone", "../../etc/localtime"],
      ["timeZone", "UTC"],
      ["contactPhone", "<script>alert(1)</script>"],
      ["contactPhone", "'; drop table enterprises; --"],
      ["contactPhone", `+49 ${"1".repeat(60)}`],
      ["contactName", "Katrin\u202eWeber"],
      ["contactName", "K".repeat(101)],
    ] as const) {
      const r = judge(await run(def("delegation.stop.add"), staffB, { ...stop, place: "Ulm", [field]: value }), new Set([t("errors.invalid")]));
      expect(!r.ok && Object.keys(r.fieldErrors ?? {}), `${field} = ${value.slice(0, 30)}`).toEqual([field]);
    }
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it("a saved view's name comes back exactly as sent", async () => {
    const save = entries.find((e) => e.def.name === "saved_view.create")!.def;
    await fc.assert(
      fc.asyncProperty(printable.filter((v) => v.trim().length <= 80), async (name) => {
        const r = judge(await run(save, staffB, { screen: "enterprises", name, query: "q=x", share: "" }));
        if (!r.ok) throw new Error(`refused printable text: ${JSON.stringify(r)}`);
        const [row] = await database.db.select().from(schema.savedViews).where(eq(schema.savedViews.id, (r.data as { id: string }).id));
        expect(row).toMatchObject({ name: name.trim(), userId: staffB.id });
      }),
      { numRuns: 200, seed: SEED },
    );
  }, 120_000);
});

/** A digest of each of team A's rows, keyed by id. */
async function rowsOfA(): Promise<Record<string, string>> {
  const tables = (
    await query<{ t: string }>(sql`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by 1`)
  ).map((r) => r.t);
  const list = idsOfA.map((id) => `'${id}'`).join(",");
  const parts = tables.map((name) => `select id::text as id, md5(x::text) as f from "${name}" x where id in (${list})`);
  const rows = await query<{ id: string; f: string }>(sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.id, r.f]));
}
