import type { Role } from "@/db/enums";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";

/** Who may create records of a kind: staff and above; viewers read only. */
export const CREATE_ROLE: Role = "staff";

export function canCreate(viewer: Viewer): boolean {
  return atLeast(viewer.role, CREATE_ROLE);
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
