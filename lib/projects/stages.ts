import { type Stage, STAGES } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/** Milestones after signing: a manager verifies each with evidence before it counts. */
export const VERIFIED_STAGES: readonly Stage[] = ["registered", "land", "construction", "production"];

/** Stages a project may be created in; later ones are only reached through verification. */
export const INITIAL_STAGES: readonly Stage[] = ["lead", "negotiating", "site_visit", "intent", "signed"];

export const stageIndex = (stage: Stage) => STAGES.indexOf(stage);

export const isBackward = (from: Stage, to: Stage) => stageIndex(to) < stageIndex(from);

export const needsVerification = (from: Stage, to: Stage) => !isBackward(from, to) && VERIFIED_STAGES.includes(to);

/** Managers of the project's team and admins verify its milestones. */
export function canVerify(viewer: Viewer, project: { teamId: string | null }): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "manager" && project.teamId !== null && project.teamId === viewer.teamId;
}
