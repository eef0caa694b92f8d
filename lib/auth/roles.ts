import { ROLES, type Role } from "@/db/enums";

const RANK: Record<Role, number> = { viewer: 0, staff: 1, manager: 2, admin: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Parses "group=role,group=role" into a lookup. Unknown roles are a configuration error. */
export function parseRoleMap(spec: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [group, role] = pair.split("=").map((s) => s.trim());
    if (!group || !role || !isRole(role)) throw new Error(`OIDC_ROLE_MAP: cannot read "${pair}"`);
    map.set(group, role);
  }
  return map;
}

/**
 * The role a sign-in grants: first admins by e-mail, else the highest role mapped from the
 * groups claim, else null (keep what an admin set, or the default viewer for a new user).
 */
export function roleFromClaims(opts: {
  email: string;
  groups: unknown;
  roleMap: Map<string, Role>;
  adminEmails: readonly string[];
}): Role | null {
  if (opts.adminEmails.includes(opts.email.toLowerCase())) return "admin";
  const groups = Array.isArray(opts.groups) ? opts.groups.filter((g): g is string => typeof g === "string") : [];
  let best: Role | null = null;
  for (const g of groups) {
    const role = opts.roleMap.get(g);
    if (role && (!best || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

export function emailDomainAllowed(email: string, allowed: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return allowed.includes(domain);
}
