/**
 * Demo data loader. Plain module (no Next.js, no "server-only") so scripts/app/seed.ts,
 * tests and the demo can call it.
 *
 * Idempotent: every row gets a deterministic UUID derived from a stable key and is
 * inserted with ON CONFLICT DO NOTHING, so a second run inserts nothing. Rows with a
 * natural key (user e-mail, team/chain/node code, enterprise credit code) are looked
 * up again after the insert, so data created before the seed (e.g. a user who signed
 * in first) is reused instead of colliding. All in one transaction, in FK order.
 */
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { DEMO_USERS } from "./demo-users";
import type { Db, Tx } from "./index";
import * as s from "./schema";
import { STAGES, type Stage } from "./schema";
import { backfillNameKeys } from "../lib/enterprises/name-keys-backfill";
import { backfillSearchEntries } from "../lib/search/entries";
import { refreshEnterpriseSearch } from "../lib/enterprises/search-index";
import { shanghaiInstant } from "../lib/time";
import {
  CHAINS, CONTACTS, DELEGATIONS, DEMO_EMAIL_DOMAIN, ENTERPRISES, EVENTS, EXCHANGE_RATES, EXTRA_USERS,
  FOLLOW_UPS, PROJECTS, STAGE_REASONS, TARGETS, TEAMS, TEAM_MANAGER, VERIFICATION_NOTES, VISITS,
  type TeamCode,
} from "./seed-data";

/** A UUID (v5 layout) derived from SHA-1 of a stable key such as "enterprise:byd". */
export function stableId(key: string): string {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** A calendar day at 10:00 in the bureau's zone. */
const onDay = (day: string): Date => shanghaiInstant(day, "10:00");
const addHours = (d: Date, hours: number): Date => new Date(d.getTime() + hours * 3_600_000);
const stamp = (d: Date) => ({ createdAt: d, updatedAt: d });

function need<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
  return value;
}

/** INSERT … ON CONFLICT DO NOTHING; returns how many rows were actually inserted. */
async function put<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(table).values(rows).onConflictDoNothing().returning();
  return inserted.length;
}

export async function seedDemoData(db: Db): Promise<{ inserted: number }> {
  return db.transaction(async (tx) => {
    let n = 0;

    /* ── people ── */
    const demo = DEMO_USERS.filter((u) => u.email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`));
    const people = [
      ...demo.map((u) => ({ email: u.email.toLowerCase(), name: u.name, role: u.role, team: u.team as TeamCode | null })),
      ...EXTRA_USERS.map((u) => ({ email: `${u.key}@${DEMO_EMAIL_DOMAIN}`, name: u.name, role: u.role, team: u.team as TeamCode | null })),
    ];
    const userKeyOf = (email: string) => email.slice(0, email.indexOf("@"));
    const adminEmail = `admin@${DEMO_EMAIL_DOMAIN}`;
    const adminSeed = people.find((p) => p.email === adminEmail);
    if (!adminSeed) throw new Error(`seed: ${adminEmail} missing from DEMO_USERS`);
    const seededAdminId = stableId("user:admin");
    n += await put(tx, s.users, [
      { id: seededAdminId, email: adminEmail, name: adminSeed.name, role: "admin", createdBy: seededAdminId, updatedBy: seededAdminId },
    ]);
    const [adminRow] = await tx.select({ id: s.users.id }).from(s.users).where(sql`lower(${s.users.email}) = ${adminEmail}`);
    if (!adminRow) throw new Error("seed: admin user not found after insert");
    const admin = adminRow.id;
    const by = (id: string) => ({ createdBy: id, updatedBy: id });

    n += await put(tx, s.teams, TEAMS.map((t) => ({ id: stableId(`team:${t.code}`), ...t, ...by(admin) })));
    const teamRows = await tx.select({ id: s.teams.id, code: s.teams.code }).from(s.teams)
      .where(inArray(s.teams.code, TEAMS.map((t) => t.code)));
    const teamId = new Map(teamRows.map((r) => [r.code, r.id]));
    const teamOf = (code: TeamCode | null) => (code ? need(teamId, code, "team") : null);

    n += await put(tx, s.users, people.filter((p) => p.email !== adminEmail).map((p) => ({
      id: stableId(`user:${userKeyOf(p.email)}`), email: p.email, name: p.name, role: p.role,
      teamId: teamOf(p.team), ...by(admin),
    })));
    const userRows = await tx.select({ id: s.users.id, email: s.users.email }).from(s.users)
      .where(inArray(sql<string>`lower(${s.users.email})`, people.map((p) => p.email)));
    const userId = new Map(userRows.map((r) => [userKeyOf(r.email.toLowerCase()), r.id]));
    const user = (key: string) => need(userId, key, "user");

    /* ── industrial chains ── */
    n += await put(tx, s.industrialChains, CHAINS.map((c, i) => ({
      id: stableId(`chain:${c.code}`), code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, sortOrder: (i + 1) * 10, ...by(admin),
    })));
    const chainRows = await tx.select({ id: s.industrialChains.id, code: s.industrialChains.code }).from(s.industrialChains)
      .where(inArray(s.industrialChains.code, CHAINS.map((c) => c.code)));
    const chainId = new Map(chainRows.map((r) => [r.code, r.id]));
    n += await put(tx, s.chainNodes, CHAINS.flatMap((c) => c.nodes.map(([code, nameZh, nameEn], i) => ({
      id: stableId(`node:${code}`), chainId: need(chainId, c.code, "chain"), code, nameZh, nameEn, sortOrder: (i + 1) * 10, ...by(admin),
    }))));
    const nodeCodes = CHAINS.flatMap((c) => c.nodes.map(([code]) => code));
    const nodeRows = await tx.select({ id: s.chainNodes.id, code: s.chainNodes.code }).from(s.chainNodes)
      .where(inArray(s.chainNodes.code, nodeCodes));
    const nodeId = new Map(nodeRows.map((r) => [r.code, r.id]));
    const node = (code: string | null) => (code ? need(nodeId, code, "chain node") : null);

    n += await put(tx, s.exchangeRates, EXCHANGE_RATES.map((r) => ({
      id: stableId(`rate:${r.currency}:${r.validFrom}`), currency: r.currency, validFrom: r.validFrom, rateToCny: r.rate, ...by(admin),
    })));

    /* ── enterprises and contacts ── */
    n += await put(tx, s.enterprises, ENTERPRISES.map((e) => ({
      id: stableId(`enterprise:${e.key}`), nameZh: e.nameZh ?? null, nameEn: e.nameEn ?? null, creditCode: e.creditCode ?? null,
      country: e.country, province: e.province ?? null, city: e.city, size: e.size, ownership: e.ownership,
      website: e.website ?? null, description: e.description ?? null,
      ownerId: user(e.owner), teamId: teamOf(e.team), ...by(user(e.owner)), ...stamp(onDay(e.createdOn)),
    })));
    const enterpriseId = new Map(ENTERPRISES.map((e) => [e.key, stableId(`enterprise:${e.key}`)]));
    const codes = ENTERPRISES.flatMap((e) => (e.creditCode ? [e.creditCode] : []));
    const byCode = await tx.select({ id: s.enterprises.id, code: s.enterprises.creditCode }).from(s.enterprises)
      .where(inArray(s.enterprises.creditCode, codes));
    for (const e of ENTERPRISES) {
      const existing = byCode.find((r) => r.code === e.creditCode);
      if (existing) enterpriseId.set(e.key, existing.id); // an earlier record with the same credit code wins
    }
    const ent = (key: string) => need(enterpriseId, key, "enterprise");
    const enterpriseOwner = new Map(ENTERPRISES.map((e) => [e.key, e.owner]));

    n += await put(tx, s.enterpriseChainNodes, ENTERPRISES.flatMap((e) => e.nodes.map((code) => ({
      enterpriseId: ent(e.key), chainNodeId: need(nodeId, code, "chain node"), createdBy: user(e.owner),
    }))));
    n += await put(tx, s.contacts, CONTACTS.map((c) => ({
      id: stableId(`contact:${c.key}`), enterpriseId: ent(c.enterprise), name: c.name, title: c.title,
      phone: c.phone ?? null, email: c.email ?? null, wechat: c.wechat ?? null, language: c.language, notes: c.notes ?? null,
      ...by(user(need(enterpriseOwner, c.enterprise, "enterprise"))),
    })));
    const contact = (key: string) => {
      if (!CONTACTS.some((c) => c.key === key)) throw new Error(`seed: unknown contact "${key}"`);
      return stableId(`contact:${key}`);
    };

    /* ── events ── */
    const eventId = new Map(EVENTS.map((e) => [e.key, stableId(`event:${e.key}`)]));
    n += await put(tx, s.events, EVENTS.map((e) => ({
      id: need(eventId, e.key, "event"), kind: e.kind, nameZh: e.nameZh ?? null, nameEn: e.nameEn ?? null,
      startsOn: e.startsOn, endsOn: e.endsOn, city: e.city, venue: e.venue, host: e.host, description: e.description ?? null,
      ownerId: user(e.owner), teamId: teamOf(e.team), ...by(user(e.owner)), ...stamp(addHours(onDay(e.endsOn), 8)),
    })));
    n += await put(tx, s.eventParticipants, EVENTS.flatMap((e) => e.participants.map((p) => ({
      id: stableId(`event:${e.key}:participant:${p.enterprise}`), eventId: need(eventId, e.key, "event"),
      enterpriseId: ent(p.enterprise), role: p.role, note: p.note ?? null, ...by(user(e.owner)),
    }))));

    /* ── delegations ── */
    const delegationId = new Map(DELEGATIONS.map((d) => [d.key, stableId(`delegation:${d.key}`)]));
    const delegation = (key: string) => need(delegationId, key, "delegation");
    n += await put(tx, s.delegations, DELEGATIONS.map((d) => ({
      id: delegation(d.key), direction: d.direction, name: d.name, leaderName: d.leaderName, leaderTitle: d.leaderTitle,
      destination: d.destination, startsOn: d.startsOn, endsOn: d.endsOn, purpose: d.purpose,
      ownerId: user(d.owner), teamId: teamOf(d.team), ...by(user(d.owner)),
    })));
    n += await put(tx, s.delegationMembers, DELEGATIONS.flatMap((d) => d.members.map((m) => ({
      id: stableId(`delegation:${d.key}:member:${m.user ?? m.name ?? ""}`), delegationId: delegation(d.key),
      userId: m.user ? user(m.user) : null, name: m.name ?? null, organisation: m.organisation ?? null, title: m.title ?? null,
      ...by(user(d.owner)),
    }))));
    n += await put(tx, s.delegationEnterprises, DELEGATIONS.flatMap((d) => d.enterprises.map((x) => ({
      id: stableId(`delegation:${d.key}:enterprise:${x.enterprise}`), delegationId: delegation(d.key),
      enterpriseId: ent(x.enterprise), role: x.role, ...by(user(d.owner)),
    }))));

    /* ── visits (before itinerary stops, which point at them) ── */
    const visitId = new Map(VISITS.map((v) => [v.key, stableId(`visit:${v.key}`)]));
    const visit = (key: string) => need(visitId, key, "visit");
    n += await put(tx, s.visits, VISITS.map((v) => ({
      id: visit(v.key), enterpriseId: ent(v.enterprise), occurredAt: new Date(v.at), place: v.place,
      summary: v.summary, outcome: v.outcome, delegationId: v.delegation ? delegation(v.delegation) : null,
      eventId: v.event ? need(eventId, v.event, "event") : null,
      ownerId: user(v.owner), teamId: teamOf(v.team), ...by(user(v.owner)), ...stamp(addHours(new Date(v.at), 6)),
    })));
    n += await put(tx, s.visitAttendees, VISITS.flatMap((v) => [
      ...v.ours.map((u) => ({ id: stableId(`visit:${v.key}:ours:${u}`), side: "ours" as const, userId: user(u) })),
      ...(v.oursNames ?? []).map((name) => ({ id: stableId(`visit:${v.key}:ours-name:${name}`), side: "ours" as const, name })),
      ...v.theirs.map((c) => ({ id: stableId(`visit:${v.key}:theirs:${c}`), side: "theirs" as const, contactId: contact(c) })),
    ].map((a) => ({ ...a, visitId: visit(v.key), ...by(user(v.owner)) }))));

    n += await put(tx, s.itineraryStops, DELEGATIONS.flatMap((d) => d.stops.map((stop, i) => ({
      id: stableId(`delegation:${d.key}:stop:${i + 1}`), delegationId: delegation(d.key), position: i + 1,
      startsAt: new Date(stop.at), timeZone: stop.timeZone ?? "Asia/Shanghai", place: stop.place, enterpriseId: stop.enterprise ? ent(stop.enterprise) : null,
      contactName: stop.contactName ?? null, contactPhone: stop.contactPhone ?? null,
      note: stop.note ?? null, status: stop.status, visitId: stop.visit ? visit(stop.visit) : null, ...by(user(d.owner)),
    }))));

    /* ── projects, their stage history and funds ── */
    const projectId = new Map(PROJECTS.map((p) => [p.key, stableId(`project:${p.key}`)]));
    const project = (key: string) => need(projectId, key, "project");
    const stageIndex = (stage: Stage) => STAGES.indexOf(stage);
    for (const p of PROJECTS) {
      if (p.history.length !== stageIndex(p.stage) + 1) {
        throw new Error(`seed: project "${p.key}" needs ${stageIndex(p.stage) + 1} history dates, has ${p.history.length}`);
      }
    }
    const lastDay = (h: string[]) => h[h.length - 1] ?? "";
    n += await put(tx, s.projects, PROJECTS.map((p) => ({
      id: project(p.key), enterpriseId: ent(p.enterprise), name: p.name, chainNodeId: node(p.node),
      stage: p.stage, status: p.status, lostReason: p.lostReason ?? null,
      plannedAmount: p.amount, currency: p.currency ?? "CNY", expectedJobs: p.jobs ?? null, landMu: p.landMu ?? null,
      sourceEventId: p.sourceEvent ? need(eventId, p.sourceEvent, "event") : null,
      sourceDelegationId: p.sourceDelegation ? delegation(p.sourceDelegation) : null,
      confidential: p.confidential ?? false, stageChangedAt: onDay(lastDay(p.history)),
      signedOn: p.history[stageIndex("signed")] ?? null, agreedStartMonths: p.agreedStartMonths ?? null,
      description: p.description ?? null, ownerId: user(p.owner), teamId: teamOf(p.team), ...by(user(p.owner)),
      createdAt: onDay(p.history[0] ?? ""), updatedAt: onDay(p.pending?.on ?? lastDay(p.history)),
    })));
    n += await put(tx, s.stageChanges, PROJECTS.flatMap((p) => {
      const verifier = user(TEAM_MANAGER[p.team]);
      const applied = p.history.map((day, i) => {
        const toStage = STAGES[i] ?? "lead";
        const changedAt = onDay(day);
        const verified = stageIndex(toStage) > stageIndex("signed");
        return {
          id: stableId(`project:${p.key}:stage:${toStage}`), projectId: project(p.key),
          fromStage: i === 0 ? null : (STAGES[i - 1] ?? null), toStage, state: "applied" as const,
          reason: STAGE_REASONS[toStage], changedBy: user(p.owner), changedAt,
          verifiedBy: verified ? verifier : null, verifiedAt: verified ? addHours(changedAt, 26) : null,
          verificationNote: verified ? (VERIFICATION_NOTES[toStage] ?? null) : null,
          ...by(user(p.owner)), ...stamp(changedAt),
        };
      });
      const pending = p.pending ? [{
        id: stableId(`project:${p.key}:pending:${p.pending.to}`), projectId: project(p.key),
        fromStage: p.stage, toStage: p.pending.to, state: "pending" as const, reason: p.pending.reason,
        changedBy: user(p.pending.by), changedAt: onDay(p.pending.on), verifiedBy: null, verifiedAt: null,
        verificationNote: null, ...by(user(p.pending.by)), ...stamp(onDay(p.pending.on)),
      }] : [];
      return [...applied, ...pending];
    }));
    n += await put(tx, s.fundTranches, PROJECTS.flatMap((p) => (p.tranches ?? []).map((t) => ({
      id: stableId(`project:${p.key}:tranche:${t.on}`), projectId: project(p.key), receivedOn: t.on,
      amount: t.amount, currency: p.currency ?? "CNY", note: t.note ?? null, ...by(user(p.owner)),
    }))));

    /* ── follow-ups and targets ── */
    n += await put(tx, s.followUps, FOLLOW_UPS.map((f) => ({
      id: stableId(`follow-up:${f.key}`), teamId: teamOf(f.team), enterpriseId: ent(f.enterprise),
      projectId: f.project ? project(f.project) : null, visitId: f.visit ? visit(f.visit) : null,
      kind: f.kind, title: f.title, assigneeId: user(f.assignee), dueOn: f.due, status: f.status,
      outcome: f.outcome ?? null, completedAt: f.completedAt ? new Date(f.completedAt) : null,
      ...by(user(f.assignee)), createdAt: onDay(f.createdOn),
      updatedAt: f.completedAt ? new Date(f.completedAt) : onDay(f.createdOn),
    })));
    n += await put(tx, s.targets, TARGETS.map((t) => ({
      id: stableId(`target:${t.year}:${t.team}`), year: t.year, teamId: need(teamId, t.team, "team"),
      signedAmount: t.signedAmount, fundsInPlace: t.fundsInPlace, projectsSigned: t.projectsSigned,
      projectsStarted: t.projectsStarted, ...by(user(TEAM_MANAGER[t.team])),
    })));

    // Name keys and search terms are derived; fill them for any enterprise still without, and
    // give rows from before name_keys existed the keys of all their names.
    await refreshEnterpriseSearch(tx, "stale");
    await backfillNameKeys(tx);
    await backfillSearchEntries(tx);
    return { inserted: n };
  });
}
