"use server";

import { revalidatePath } from "next/cache";
import { projects } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { checkAssignment, lockProject } from "../records";
import { updateProjectInput } from "../schema";
import { projectColumns, projectFormValues } from "../values";

/** Saves the edit form over the version the editor loaded; a stale one gets the saved values back. */
export const updateProject = action({
  name: "project.update",
  input: updateProjectInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockProject(tx, viewer, input.id),
  async run({ viewer, input, tx, record: project }) {
    if (project.version !== input.version) throw new ConflictError(await savedVersion(tx, project, projectFormValues(project)));
    // Non-admins keep the project in their team; an admin may move it.
    const assignment = await checkAssignment(tx, viewer, { ownerId: input.ownerId, teamId: viewer.role === "admin" ? input.teamId : (project.teamId ?? undefined) });
    const row = await updateVersioned(
      tx,
      projects,
      project,
      input.version,
      {
        ...projectColumns(input),
        ...assignment,
        status: input.status,
        lostReason: input.status === "lost" ? (input.lostReason ?? null) : null,
      },
      viewer,
    );
    return {
      data: { id: row.id, version: row.version },
      audit: [{ entityType: "project", entityId: row.id, before: project, after: row }],
    };
  },
  after({ id }) {
    revalidatePath("/pipeline");
    revalidatePath(`/projects/${id}`);
  },
});
