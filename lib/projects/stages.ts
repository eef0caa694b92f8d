import { type Stage, STAGES } from "@/db/enums";
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

/**
 * The stages a forward move enters, one after another: 在谈 → 注册 enters 考察, 意向, 签约 and 注册.
 * Each is recorded as its own stage change, so every stage-based figure counts the ones passed.
 */
export function stagesPassed(from: Stage, to: Stage): Stage[] {
  return STAGES.slice(stageIndex(from) + 1, stageIndex(to) + 1);
}

/**
 * A forward move into 签约 or past it, by a project that has not signed yet, records the signing:
 * its date and amount. `signed` is whether the project already has a signing date.
 */
export function needsSigning(from: Stage, to: Stage, signed: boolean): boolean {
  return !signed && stageIndex(from) < stageIndex("signed") && stageIndex(to) >= stageIndex("signed");
}
