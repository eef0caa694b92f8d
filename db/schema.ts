import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  char,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import type { Locale } from "./enums";
import {
  ATTENDEE_SIDES,
  DELEGATION_DIRECTIONS,
  ENTERPRISE_SIZES,
  EVENT_KINDS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  OWNERSHIPS,
  PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  ROLES,
  STAGE_CHANGE_STATES,
  STAGES,
  STOP_STATUSES,
} from "./enums";

// Column names are camelCase here and snake_case in the database (casing: "snake_case"
// in both db/index.ts and drizzle.config.ts).

const tstz = () => timestamp({ withTimezone: true, mode: "date" });
const money = () => numeric({ precision: 20, scale: 2 });
/** Bytes: a Uint8Array in, a Uint8Array out (postgres.js hands back a Buffer, which is one). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
/** The row it belongs to: required, and when that row is removed for good this one goes with it. */
const belongsTo = (parent: () => AnyPgColumn) => uuid().notNull().references(parent, { onDelete: "cascade" });

/* ───────────────────────────── enums ───────────────────────────── */

// The values live in db/enums.ts, which the browser may import; here they become pgEnums.
export { ROLES, STAGES, PROJECT_STATUSES, STAGE_CHANGE_STATES, ENTERPRISE_SIZES, OWNERSHIPS, EVENT_KINDS, PARTICIPANT_ROLES, DELEGATION_DIRECTIONS, STOP_STATUSES, ATTENDEE_SIDES, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, LOCALES } from "./enums";
export type { Role, Stage, Locale } from "./enums";

export const roleEnum = pgEnum("role", ROLES);
export const stageEnum = pgEnum("project_stage", STAGES);
export const projectStatusEnum = pgEnum("project_status", PROJECT_STATUSES);
export const stageChangeStateEnum = pgEnum("stage_change_state", STAGE_CHANGE_STATES);
export const enterpriseSizeEnum = pgEnum("enterprise_size", ENTERPRISE_SIZES);
export const ownershipEnum = pgEnum("ownership", OWNERSHIPS);
export const eventKindEnum = pgEnum("event_kind", EVENT_KINDS);
export const participantRoleEnum = pgEnum("participant_role", PARTICIPANT_ROLES);
export const delegationDirectionEnum = pgEnum("delegation_direction", DELEGATION_DIRECTIONS);
export const stopStatusEnum = pgEnum("stop_status", STOP_STATUSES);
export const attendeeSideEnum = pgEnum("attendee_side", ATTENDEE_SIDES);
export const followUpKindEnum = pgEnum("follow_up_kind", FOLLOW_UP_KINDS);
export const followUpStatusEnum = pgEnum("follow_up_status", FOLLOW_UP_STATUSES);

/* ─────────────────────── people and access ─────────────────────── */

export const teams = pgTable("teams", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  // The team's group-chat robot (企业微信, 钉钉 or 飞书): the morning summary and verification
  // requests go there; unset, to WEBHOOK_URL if that is set.
  webhookUrl: text(),
  webhookFormat: text().$type<"wecom" | "dingtalk" | "feishu">(),
  createdAt: tstz().notNull().defaultNow(),
  updatedAt: tstz().notNull().defaultNow(),
  createdBy: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
  updatedBy: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
  version: integer().notNull().default(1),
  deletedAt: tstz(),
});

// The first five columns are the shape @auth/drizzle-adapter expects.
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text(),
    email: text().notNull(),
    emailVerified: tstz(),
    image: text(),
    role: roleEnum().notNull().default("viewer"),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    locale: text().$type<Locale>(),
    deactivatedAt: tstz(),
    lastSignInAt: tstz(),
    // Secret for the personal calendar feed; null when revoked.
    icsToken: text().unique(),
    // The morning digest of the day's follow-ups and stops, by e-mail; the person may turn it off.
    digestOptOut: boolean().notNull().default(false),
    createdAt: tstz().notNull().defaultNow(),
    updatedAt: tstz().notNull().defaultNow(),
    createdBy: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    updatedBy: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    deletedAt: tstz(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_team_idx").on(t.teamId),
    check("users_locale_check", sql`${t.locale} is null or ${t.locale} in ('zh-CN', 'en')`),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: belongsTo(() => users.id),
    type: text().$type<"oidc" | "oauth" | "email" | "webauthn">().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

// Database sessions: deleting a row signs the user out at once.
export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text().primaryKey(),
    userId: belongsTo(() => users.id),
    expires: tstz().notNull(),
    /** When the person signed in: the absolute time-out counts from here, whatever the activity. */
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: tstz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** id, created/updated at and by, optimistic-concurrency version and soft delete. */
const record = () => ({
  id: uuid().primaryKey().defaultRandom(),
  createdAt: tstz().notNull().defaultNow(),
  updatedAt: tstz().notNull().defaultNow(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  version: integer().notNull().default(1),
  deletedAt: tstz(),
});

/** Who is responsible: drives the edit rules of the data-access layer. */
const ownership = () => ({
  ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
  teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
});

/* ─────────────────────── industrial chains ─────────────────────── */

export const industrialChains = pgTable("industrial_chains", {
  ...record(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  sortOrder: integer().notNull().default(0),
});

export const chainNodes = pgTable(
  "chain_nodes",
  {
    ...record(),
    chainId: belongsTo(() => industrialChains.id),
    code: text().notNull().unique(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index("chain_nodes_chain_idx").on(t.chainId, t.sortOrder)],
);

/* ─────────────────────── enterprises (leads) ─────────────────────── */

export const enterprises = pgTable(
  "enterprises",
  {
    ...record(),
    ...ownership(),
    nameZh: text(),
    nameEn: text(),
    // Short names (简称) and former names (曾用名): compared and searched like the two names above.
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    // 统一社会信用代码: 18 characters, unique when known.
    creditCode: char({ length: 18 }),
    country: char({ length: 2 }).notNull().default("CN"),
    province: text(),
    city: text(),
    size: enterpriseSizeEnum(),
    ownership: ownershipEnum(),
    website: text(),
    description: text(),
    // Set when a manager merges this record into another; the row is soft-deleted too.
    mergedIntoId: uuid().references((): AnyPgColumn => enterprises.id, { onDelete: "set null" }),
    // Name without company-form suffixes, punctuation and case (lib/enterprises/name-key.ts):
    // the duplicate check and the name sort.
    nameKey: text(),
    // The name key of every name the enterprise has (Chinese, English, aliases): the duplicate
    // check compares a candidate's keys with these through a GIN index.
    nameKeys: text().array().notNull().default(sql`'{}'::text[]`),
    // Han unigrams and bigrams and Latin prefixes of names, credit code and contact names
    // (lib/search/terms.ts), answered by a GIN index.
    searchTerms: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    check("enterprises_name_check", sql`coalesce(${t.nameZh}, ${t.nameEn}) is not null`),
    check("enterprises_credit_code_check", sql`${t.creditCode} is null or ${t.creditCode} ~ '^[0-9A-Z]{18}$'`),
    uniqueIndex("enterprises_credit_code_key").on(t.creditCode).where(sql`${t.creditCode} is not null`),
    index("enterprises_list_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index("enterprises_updated_idx").on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index("enterprises_name_key_idx").on(t.nameKey, t.id).where(sql`${t.deletedAt} is null`),
    index("enterprises_search_idx").using("gin", t.searchTerms),
    index("enterprises_name_keys_idx").using("gin", t.nameKeys),
    index("enterprises_owner_idx").on(t.ownerId),
    index("enterprises_team_idx").on(t.teamId),
    index("enterprises_place_idx").on(t.country, t.city),
  ],
);

export const enterpriseChainNodes = pgTable(
  "enterprise_chain_nodes",
  {
    enterpriseId: belongsTo(() => enterprises.id),
    chainNodeId: belongsTo(() => chainNodes.id),
    createdAt: tstz().notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.chainNodeId] }),
    index("enterprise_chain_nodes_node_idx").on(t.chainNodeId),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    ...record(),
    enterpriseId: belongsTo(() => enterprises.id),
    name: text().notNull(),
    title: text(),
    phone: text(),
    email: text(),
    wechat: text(),
    language: text(),
    notes: text(),
  },
  (t) => [index("contacts_enterprise_idx").on(t.enterpriseId)],
);

/* ─────────────────────── events and delegations ─────────────────────── */

export const events = pgTable(
  "events",
  {
    ...record(),
    ...ownership(),
    kind: eventKindEnum().notNull(),
    nameZh: text(),
    nameEn: text(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    city: text(),
    venue: text(),
    host: text(),
    description: text(),
  },
  (t) => [
    check("events_name_check", sql`coalesce(${t.nameZh}, ${t.nameEn}) is not null`),
    check("events_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    index("events_starts_idx").on(t.startsOn.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
  ],
);

export const eventParticipants = pgTable(
  "event_participants",
  {
    ...record(),
    eventId: belongsTo(() => events.id),
    enterpriseId: belongsTo(() => enterprises.id),
    role: participantRoleEnum().notNull().default("attendee"),
    note: text(),
  },
  (t) => [
    uniqueIndex("event_participants_key").on(t.eventId, t.enterpriseId),
    index("event_participants_enterprise_idx").on(t.enterpriseId),
  ],
);

export const delegations = pgTable(
  "delegations",
  {
    ...record(),
    ...ownership(),
    direction: delegationDirectionEnum().notNull(),
    name: text().notNull(),
    leaderName: text(),
    leaderTitle: text(),
    destination: text(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    purpose: text(),
  },
  (t) => [
    check("delegations_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    index("delegations_starts_idx").on(t.startsOn.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
  ],
);

export const delegationMembers = pgTable(
  "delegation_members",
  {
    ...record(),
    delegationId: belongsTo(() => delegations.id),
    // Our staff are users; outsiders are a name and an organisation.
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text(),
    organisation: text(),
    title: text(),
  },
  (t) => [
    check("delegation_members_who_check", sql`${t.userId} is not null or ${t.name} is not null`),
    index("delegation_members_delegation_idx").on(t.delegationId),
    index("delegation_members_user_idx").on(t.userId),
  ],
);

export const delegationEnterprises = pgTable(
  "delegation_enterprises",
  {
    ...record(),
    delegationId: belongsTo(() => delegations.id),
    enterpriseId: belongsTo(() => enterprises.id),
    role: text().notNull().default("visited"),
  },
  (t) => [
    uniqueIndex("delegation_enterprises_key").on(t.delegationId, t.enterpriseId),
    index("delegation_enterprises_enterprise_idx").on(t.enterpriseId),
  ],
);

export const itineraryStops = pgTable(
  "itinerary_stops",
  {
    ...record(),
    delegationId: belongsTo(() => delegations.id),
    position: integer().notNull(),
    startsAt: tstz().notNull(),
    place: text(),
    enterpriseId: uuid().references(() => enterprises.id, { onDelete: "set null" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    note: text(),
    /** The IANA zone of the stop's place: its times are entered and shown in local wall-clock time there. */
    timeZone: text().notNull().default("Asia/Shanghai"),
    /** Whom to ask for on arrival, and how to reach them. */
    contactName: text(),
    contactPhone: text(),
    status: stopStatusEnum().notNull().default("planned"),
    visitId: uuid().references((): AnyPgColumn => visits.id, { onDelete: "set null" }),
  },
  (t) => [
    index("itinerary_stops_delegation_idx").on(t.delegationId, t.position),
    index("itinerary_stops_enterprise_idx").on(t.enterpriseId),
  ],
);

/* ─────────────────────── visits and follow-ups ─────────────────────── */

export const visits = pgTable(
  "visits",
  {
    ...record(),
    ...ownership(),
    enterpriseId: uuid()
      .notNull()
      .references(() => enterprises.id, { onDelete: "restrict" }),
    occurredAt: tstz().notNull(),
    place: text(),
    summary: text(),
    outcome: text(),
    delegationId: uuid().references(() => delegations.id, { onDelete: "set null" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
  },
  (t) => [
    index("visits_enterprise_idx").on(t.enterpriseId, t.occurredAt.desc().nullsFirst()),
    index("visits_owner_idx").on(t.ownerId, t.occurredAt.desc().nullsFirst()),
    index("visits_delegation_idx").on(t.delegationId),
    index("visits_event_idx").on(t.eventId),
  ],
);

export const visitAttendees = pgTable(
  "visit_attendees",
  {
    ...record(),
    visitId: belongsTo(() => visits.id),
    side: attendeeSideEnum().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    contactId: uuid().references(() => contacts.id, { onDelete: "set null" }),
    name: text(),
  },
  (t) => [
    check(
      "visit_attendees_who_check",
      sql`${t.userId} is not null or ${t.contactId} is not null or ${t.name} is not null`,
    ),
    index("visit_attendees_visit_idx").on(t.visitId),
  ],
);

export const projects = pgTable(
  "projects",
  {
    ...record(),
    ...ownership(),
    enterpriseId: uuid()
      .notNull()
      .references(() => enterprises.id, { onDelete: "restrict" }),
    name: text().notNull(),
    chainNodeId: uuid().references(() => chainNodes.id, { onDelete: "set null" }),
    stage: stageEnum().notNull().default("lead"),
    status: projectStatusEnum().notNull().default("active"),
    lostReason: text(),
    // Money is exact: numeric in the database, strings in code.
    plannedAmount: money(),
    currency: char({ length: 3 }).notNull().default("CNY"),
    expectedJobs: integer(),
    landMu: numeric({ precision: 12, scale: 2 }),
    sourceEventId: uuid().references(() => events.id, { onDelete: "set null" }),
    sourceDelegationId: uuid().references(() => delegations.id, { onDelete: "set null" }),
    confidential: boolean().notNull().default(false),
    stageChangedAt: tstz().notNull().defaultNow(),
    signedOn: date(),
    // Months after signing within which construction is agreed to start (超时限未开工).
    agreedStartMonths: integer(),
    description: text(),
  },
  (t) => [
    check("projects_amount_check", sql`${t.plannedAmount} is null or ${t.plannedAmount} >= 0`),
    check("projects_lost_reason_check", sql`${t.status} <> 'lost' or ${t.lostReason} is not null`),
    index("projects_board_idx").on(t.stage, t.status).where(sql`${t.deletedAt} is null`),
    // The board's newest cards per column (lib/projects/board-queries.ts).
    index("projects_board_recent_idx").on(t.stage, t.stageChangedAt.desc(), t.id).where(sql`${t.deletedAt} is null`),
    index("projects_enterprise_idx").on(t.enterpriseId),
    index("projects_team_idx").on(t.teamId, t.stage),
    index("projects_owner_idx").on(t.ownerId, t.stage),
    index("projects_chain_node_idx").on(t.chainNodeId),
  ],
);

/**
 * The board's column figures, kept by triggers on `projects` in the transaction of every write
 * (db/migrations/0005_project_totals.sql): per stage, status, team, owner, chain node,
 * confidentiality and currency, how many live projects there are and the sum of their planned
 * amounts in that currency (a missing amount adds nothing). Deleted projects are not counted; a
 * key whose last project leaves is removed. Read through lib/projects/board-totals.ts.
 */
export const projectTotals = pgTable(
  "project_totals",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    stage: stageEnum().notNull(),
    status: projectStatusEnum().notNull(),
    teamId: uuid(),
    ownerId: uuid(),
    chainNodeId: uuid(),
    confidential: boolean().notNull(),
    currency: char({ length: 3 }).notNull(),
    projects: integer().notNull(),
    planned: numeric({ precision: 30, scale: 2 }).notNull(),
  },
  (t) => [unique("project_totals_key").on(t.stage, t.status, t.teamId, t.ownerId, t.chainNodeId, t.confidential, t.currency).nullsNotDistinct()],
);

export const followUps = pgTable(
  "follow_ups",
  {
    ...record(),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    enterpriseId: uuid()
      .notNull()
      .references(() => enterprises.id, { onDelete: "restrict" }),
    projectId: uuid().references(() => projects.id, { onDelete: "set null" }),
    visitId: uuid().references(() => visits.id, { onDelete: "set null" }),
    kind: followUpKindEnum().notNull().default("other"),
    title: text().notNull(),
    assigneeId: uuid().references(() => users.id, { onDelete: "set null" }),
    dueOn: date().notNull(),
    status: followUpStatusEnum().notNull().default("open"),
    outcome: text(),
    completedAt: tstz(),
  },
  (t) => [
    index("follow_ups_assignee_idx").on(t.assigneeId, t.status, t.dueOn),
    index("follow_ups_team_idx").on(t.teamId, t.status, t.dueOn),
    index("follow_ups_enterprise_idx").on(t.enterpriseId),
    index("follow_ups_project_idx").on(t.projectId),
  ],
);

export const stageChanges = pgTable(
  "stage_changes",
  {
    ...record(),
    projectId: belongsTo(() => projects.id),
    fromStage: stageEnum(),
    toStage: stageEnum().notNull(),
    // pending: a staff request awaiting a manager's verification.
    state: stageChangeStateEnum().notNull().default("applied"),
    reason: text(),
    changedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    changedAt: tstz().notNull().defaultNow(),
    verifiedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    verifiedAt: tstz(),
    verificationNote: text(),
    // A move into 签约 or past it from before it records the signing: its date and amount (in the
    // project's currency). A pending request holds them until it is decided.
    signedOn: date(),
    signedAmount: money(),
    signedCurrency: char({ length: 3 }),
    // The evidence a change carries, as the history shows it; its bytes are in evidence_files.
    evidenceName: text(),
    evidenceType: text(),
    evidenceSize: integer(),
    /**
     * Before evidence moved into the database: the file's name in the EVIDENCE_DIR folder of
     * earlier releases. New changes never set it; scripts/app/evidence-import.ts copies each such
     * file into evidence_files and clears it.
     */
    evidencePath: text(),
  },
  (t) => [
    index("stage_changes_project_idx").on(t.projectId, t.changedAt),
    index("stage_changes_pending_idx").on(t.state).where(sql`${t.state} = 'pending'`),
    index("stage_changes_to_stage_idx").on(t.toStage, t.changedAt),
  ],
);

/**
 * The evidence file of a stage change (lib/evidence/storage.ts): written in the transaction that
 * records the change, so a move that rolls back leaves no file, and read by every app instance
 * alike. At most one per change; it goes when its change is removed for good.
 */
export const evidenceFiles = pgTable("evidence_files", {
  stageChangeId: uuid()
    .primaryKey()
    .references(() => stageChanges.id, { onDelete: "cascade" }),
  /** The checked type (lib/evidence/sniff.ts), never the browser's claim. */
  contentType: text().notNull(),
  size: integer().notNull(),
  /** Hex SHA-256 of the content: to compare copies and check a restore. */
  sha256: text().notNull(),
  content: bytea().notNull(),
  createdAt: tstz().notNull().defaultNow(),
});

export const fundTranches = pgTable(
  "fund_tranches",
  {
    ...record(),
    projectId: belongsTo(() => projects.id),
    receivedOn: date().notNull(),
    amount: money().notNull(),
    currency: char({ length: 3 }).notNull().default("CNY"),
    note: text(),
  },
  (t) => [
    check("fund_tranches_amount_check", sql`${t.amount} > 0`),
    index("fund_tranches_project_idx").on(t.projectId, t.receivedOn),
  ],
);

/* ─────────────────────── targets and reference data ─────────────────────── */

export const targets = pgTable(
  "targets",
  {
    ...record(),
    year: integer().notNull(),
    teamId: belongsTo(() => teams.id),
    signedAmount: money().notNull().default("0"),
    fundsInPlace: money().notNull().default("0"),
    projectsSigned: integer().notNull().default(0),
    projectsStarted: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("targets_year_team_key").on(t.year, t.teamId)],
);

export const exchangeRates = pgTable(
  "exchange_rates",
  {
    ...record(),
    currency: char({ length: 3 }).notNull(),
    validFrom: date().notNull(),
    // CNY per one unit of the currency.
    rateToCny: numeric({ precision: 18, scale: 8 }).notNull(),
  },
  (t) => [
    uniqueIndex("exchange_rates_key").on(t.currency, t.validFrom),
    check("exchange_rates_positive_check", sql`${t.rateToCny} > 0`),
  ],
);

export const savedViews = pgTable(
  "saved_views",
  {
    ...record(),
    userId: belongsTo(() => users.id),
    screen: text().notNull(),
    name: text().notNull(),
    query: text().notNull(),
    // A manager may share a view with their team.
    sharedWithTeamId: uuid().references(() => teams.id, { onDelete: "set null" }),
  },
  (t) => [
    index("saved_views_user_idx").on(t.userId, t.screen),
    index("saved_views_team_idx").on(t.sharedWithTeamId, t.screen),
  ],
);

/* ─────────────────────── request budgets ─────────────────────── */

/**
 * Rate-limit counters every app instance shares (lib/rate-limit.ts, rate-limiter-flexible's
 * RateLimiterDrizzle, which needs exactly these three columns): `key` is the budget's name and
 * whom it counts ("signin:203.0.113.9"), `points` the requests spent in the window that ends at
 * `expire`. An expired row is reset by the next request of its key; the rest are swept.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    points: integer().notNull(),
    expire: tstz(),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

/* ─────────────────────── attachments ─────────────────────── */

/**
 * Files on an enterprise, a visit or a project (brochures, contracts, photos from a visit):
 * checked by structure and size like stage evidence (lib/evidence), kept in the database so every
 * instance serves them, and served only to those who may see their record (lib/attachments).
 */
export const attachments = pgTable(
  "attachments",
  {
    ...record(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    /** The uploaded name, for display only; downloads are named by the checked type. */
    name: text().notNull(),
    /** The checked type (lib/evidence/sniff.ts), never the browser's claim. */
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
  },
  (t) => [index("attachments_record_idx").on(t.recordType, t.recordId, t.createdAt)],
);

/* ─────────────────────── search ─────────────────────── */

/**
 * What the one search box finds besides enterprises (which keep their terms on their own row):
 * the search terms (lib/search/terms.ts) of each live contact, project, event, delegation and
 * visit. Written by the action wrapper from each write's audit entry (lib/search/entries.ts), in
 * the write's transaction; rows written otherwise (the seed, older releases) are filled in at
 * start. Who may see a hit is decided by joining its record, as on the record's own page.
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    kind: text().notNull(),
    recordId: uuid().notNull(),
    terms: text().array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] }), index("search_entries_terms_idx").using("gin", t.terms)],
);

/* ─────────────────────── notifications ─────────────────────── */

/**
 * A person's inbox: what someone else did that concerns them (a follow-up given to them, a
 * verification asked of them or decided for them, their project changed). Written by the action
 * wrapper from each write's audit entries, in the write's transaction (lib/notifications/derive.ts).
 * `recordType`/`recordId` name what the item opens: a follow_up or a project.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientId: belongsTo(() => users.id),
    kind: text().notNull(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz().notNull().defaultNow(),
    readAt: tstz(),
  },
  (t) => [index("notifications_inbox_idx").on(t.recipientId, t.readAt, t.createdAt.desc())],
);

/**
 * Each message sent outside the app, once: the key names the occasion (a day's digest, a
 * verification request), the recipient (a person, or a team's group chat) and the channel. A job
 * retried after a crash skips what is already here (lib/notifications/deliver.ts).
 */
export const notificationDeliveries = pgTable("notification_deliveries", {
  key: text().primaryKey(),
  sentAt: tstz().notNull().defaultNow(),
});

/* ─────────────────────── audit ─────────────────────── */

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: tstz().notNull().defaultNow(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at.desc().nullsFirst()),
    index("audit_log_actor_idx").on(t.actorId, t.at.desc().nullsFirst()),
  ],
);

/* ─────────────────────── review figures ─────────────────────── */

/**
 * The kinds of review fact: `signed` the first applied change into 签约 of a project in a year
 * (its month); `started` an applied change into 开工 (year, month); `top` the furthest stage a
 * project's applied changes reached; `stint` a completed stay in a stage (its length in days);
 * `funds` a live tranche (the day's year and month, its CNY at that day's rate).
 */
export const reviewFactKindEnum = pgEnum("review_fact_kind", ["signed", "started", "top", "stint", "funds"]);

/**
 * What the review's history-derived figures read (lib/review/queries.ts), so that they never scan
 * projects, stage changes or tranches. Derived from those tables by triggers in the transaction of
 * every write (db/migrations/0006_review_facts.sql): a write recomputes the facts of the projects
 * it touched. Each row carries a copy of its project's current stage, team, owner, chain node,
 * confidentiality, currency and planned amount, so the visibility rule and the filters apply to
 * it as to the project. Deleted projects have no facts.
 */
export const reviewFacts = pgTable(
  "review_facts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: uuid().notNull(),
    kind: reviewFactKindEnum().notNull(),
    /** top: the furthest stage reached; stint: the stage stayed in. */
    stage: stageEnum(),
    /** signed, started, funds: the Asia/Shanghai calendar year and month (funds: of the day received). */
    year: integer(),
    month: integer(),
    /**
     * stint: days from entering the stage to the next applied change, as the double precision the
     * median (percentile_cont) reads: the same value it would convert from the exact interval.
     */
    days: doublePrecision(),
    /** funds: the tranche in CNY at the rate valid on the day received, rounded to the fen. */
    cny: numeric({ precision: 30, scale: 2 }),
    projectStage: stageEnum().notNull(),
    teamId: uuid(),
    ownerId: uuid(),
    chainNodeId: uuid(),
    confidential: boolean().notNull(),
    currency: char({ length: 3 }).notNull(),
    plannedAmount: money(),
  },
  (t) => [index("review_facts_kind_idx").on(t.kind, t.year, t.month), index("review_facts_project_idx").on(t.projectId)],
);

/* ─────────────────────── types ─────────────────────── */

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Enterprise = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;
export type Project = typeof projects.$inferSelect;
export type AuditEntry = typeof auditLog.$inferInsert;
