/**
 * Accounts known to the local demo identity provider (scripts/app/dev-idp.ts), which the
 * seed (db/seed.ts) gives their roles and teams. Demo data, beside the seed's own.
 *
 * Kept free of Next.js and "server-only" imports so the IdP script, the seed
 * script and tests can all load it. `role` and `team` describe what the app is
 * expected to end up granting each person, not something the IdP asserts.
 */

export type DemoRole = "viewer" | "staff" | "manager" | "admin";
export type DemoTeam = "nev" | "storage" | null;

export interface DemoUser {
  sub: string;
  email: string;
  name: string;
  groups: string[];
  role: DemoRole;
  team: DemoTeam;
}

/** Shared by every demo account; this IdP only ever runs on loopback. */
export const DEMO_PASSWORD = "landfall";

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: "demo-viewer",
    email: "viewer@landfall.example",
    name: "王静",
    groups: ["landfall-viewers"],
    role: "viewer",
    team: null,
  },
  {
    sub: "demo-staff",
    email: "staff@landfall.example",
    name: "李明",
    groups: ["landfall-staff"],
    role: "staff",
    team: "nev",
  },
  {
    sub: "demo-staff2",
    email: "staff2@landfall.example",
    name: "陈芳",
    groups: ["landfall-staff"],
    role: "staff",
    team: "storage",
  },
  {
    sub: "demo-manager",
    email: "manager@landfall.example",
    name: "张伟",
    groups: ["landfall-managers"],
    role: "manager",
    team: "nev",
  },
  {
    sub: "demo-manager2",
    email: "manager2@landfall.example",
    name: "赵磊",
    groups: ["landfall-managers"],
    role: "manager",
    team: "storage",
  },
  {
    // No group on purpose: admin rights come from the app's first-admin e-mail list.
    sub: "demo-admin",
    email: "admin@landfall.example",
    name: "刘洋",
    groups: [],
    role: "admin",
    team: null,
  },
  {
    // An administrator through the group claim. The browser tests switch this account's saved
    // language, so no other test depends on the language it sees.
    sub: "demo-admin2",
    email: "admin2@landfall.example",
    name: "孙丽",
    groups: ["landfall-admins"],
    role: "admin",
    team: null,
  },
  {
    // Carries a staff group but sits outside the allowed domains, so the app
    // must refuse the sign-in; role "viewer" is only the fallback expectation.
    sub: "demo-outsider",
    email: "outsider@partner.example",
    name: "Outsider Test",
    groups: ["landfall-staff"],
    role: "viewer",
    team: null,
  },
];

export function findDemoUser(login: string): DemoUser | undefined {
  const wanted = login.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.email.toLowerCase() === wanted);
}
