"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { followUps, projects, users } from "@/db/schema";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { addDays, shanghaiDay } from "@/lib/follow-ups/dates";
import { checkAssignee } from "@/lib/follow-ups/records";
import { visibleProjects } from "@/lib/projects/visibility";
import { uuidParam } from "@/lib/validation";

const assignAlertInput = z.object({
  projectId: uuidParam,
  kind: z.enum(["stalled", "signedNotStarted"], { error: "validation.invalid" }),
  assigneeId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "validation.required" })),
});

// Follow-up titles are stored data read by the whole team, written in the organisation's language.
const TITLES = { stalled: "跟进：项目停滞", signedNotStarted: "督促开工：签约超期未开工" } as const;
const DUE_IN_DAYS = 7;

/** Turns a project alert into one follow-up for a person of the manager's team, due in a week. */
export const assignAlert = action({
  name: "alert.assign",
  input: assignAlertInput,
  minRole: "manager",
  async run({ viewer, input, tx }) {
    const [project] = await tx
      .select({ id: projects.id, name: projects.name, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(and(eq(projects.id, input.projectId), visibleProjects(viewer)));
    if (!project) throw new NotFoundError();
    // Managers give work within their team; an admin's follow-up belongs to the assignee's team.
    let teamId = viewer.teamId;
    if (viewer.role === "admin") {
      const [person] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, input.assigneeId));
      teamId = person?.teamId ?? null;
    }
    await checkAssignee(tx, viewer, input.assigneeId, teamId);
    const [row] = await tx
      .insert(followUps)
      .values({
        enterpriseId: project.enterpriseId,
        projectId: project.id,
        kind: "other",
        title: `${TITLES[input.kind]}（${project.name}）`,
        dueOn: addDays(shanghaiDay(), DUE_IN_DAYS),
        assigneeId: input.assigneeId,
        teamId,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    return {
      data: { id: row!.id, projectId: project.id, enterpriseId: project.enterpriseId },
      audit: [{ entityType: "follow_up", entityId: row!.id, before: null, after: row }],
    };
  },
  after({ projectId, enterpriseId }) {
    revalidatePath("/review/alerts");
    revalidatePath("/my-day");
    revalidatePath(`/projects/${projectId}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
