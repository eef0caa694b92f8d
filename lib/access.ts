import type { Role } from "@/db/enums";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";

// The role gates of actions (`minRole`), named after what they allow. Each is the least role past
// the gate; which record the caller may touch is decided by the action's `load` step (canEdit below,
// canVerify in lib/projects/stages.ts).

/** Everyone signed in reads, and keeps their own things: language, saved views, calendar feed, session. */
export const READ_ROLE: Role = "viewer";

/** Staff and above write: create records, and change those they or their team own. Viewers only read. */
export const WRITE_ROLE: Role = "staff";

/** Managers and admins verify: decide milestone requests, correct or take back recorded funds. */
export const VERIFY_ROLE: Role = "manager";

/** Managers and admins keep the enterprise register clean: delete, restore and merge records. */
export const CURATE_ROLE: Role = "manager";

/** Managers and admins lead a team: set its targets, hand project alerts out as follow-ups, share saved views with it. */
export const LEAD_ROLE: Role = "manager";

/** Admins alone manage people (roles, teams, access) and reference data (teams, chains, rates). */
export const ADMIN_ROLE: Role = "admin";

/** Whether the caller may create records at all (the new buttons and pages). */
export function canCreate(viewer: Viewer): boolean {
  return atLeast(viewer.role, WRITE_ROLE);
}

interface Owned {
  ownerId: string | null;
  teamId: string | null;
}

/**
 * Staff edit what they own or their team owns; managers edit their team's; admins everything.
 * Viewers edit nothing.
 */
export function canEdit(viewer: Viewer, record: Owned): boolean {
  switch (viewer.role) {
    case "admin":
      return true;
    case "manager":
      return record.teamId !== null && record.teamId === viewer.teamId;
    case "staff":
      return record.ownerId === viewer.id || (record.teamId !== null && record.teamId === viewer.teamId);
    default:
      return false;
  }
}
