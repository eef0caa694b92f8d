"use server";

import { projects } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { lockProject, projectState } from "../records";
import { setStatusInput } from "../schema";

/**
 * Status sits beside the stage: active, delayed, dormant, or lost with a reason. Called from the
 * board, which refetches its own data: no revalidation (see move-stage.ts).
 */
export const setProjectStatus = action({
  name: "project.setStatus",
  input: setStatusInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockProject(tx, viewer, input.id),
  async run({ viewer, input, tx, record: project }) {
    if (project.version !== input.version) throw new ConflictError(await projectState(tx, project));
    const row = await updateVersioned(
      tx,
      projects,
      project,
      input.version,
      { status: input.status, lostReason: input.status === "lost" ? (input.reason ?? null) : null },
      viewer,
    );
    return {
      data: { id: row.id, stage: row.stage, status: row.status, version: row.version },
      audit: [{ entityType: "project", entityId: row.id, before: project, after: row }],
    };
  },
});
