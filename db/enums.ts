// The values of the database's enums, importable anywhere, the browser included: db/schema.ts
// builds its pgEnums from these, and client components import them from here so that no
// Drizzle code reaches the browser bundle.

export const ROLES = ["viewer", "staff", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const STAGES = [
  "lead", // 线索
  "negotiating", // 在谈
  "site_visit", // 考察
  "intent", // 意向
  "signed", // 签约
  "registered", // 注册
  "land", // 供地
  "construction", // 开工
  "production", // 投产
] as const;
export type Stage = (typeof STAGES)[number];
export const PROJECT_STATUSES = ["active", "delayed", "dormant", "lost"] as const;
export const STAGE_CHANGE_STATES = ["applied", "pending", "rejected"] as const;
export const ENTERPRISE_SIZES = ["micro", "small", "medium", "large", "giant"] as const;
export const OWNERSHIPS = ["state_owned", "private", "foreign", "joint_venture", "other"] as const;
export const EVENT_KINDS = ["docking", "forum", "expo", "conference", "roadshow", "signing"] as const;
export const PARTICIPANT_ROLES = ["host", "local", "foreign", "attendee", "speaker"] as const;
export const DELEGATION_DIRECTIONS = ["inbound", "outbound"] as const;
export const STOP_STATUSES = ["planned", "done", "cancelled"] as const;
export const ATTENDEE_SIDES = ["ours", "theirs"] as const;
export const FOLLOW_UP_KINDS = ["call", "email", "meeting", "materials", "site_tour", "other"] as const;
export const FOLLOW_UP_STATUSES = ["open", "done", "cancelled"] as const;
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
