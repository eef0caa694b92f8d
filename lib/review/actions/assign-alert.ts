"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projects } from "@/db/schema";
import { LEAD_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { addDays, shanghaiDay } from "@/lib/time";
import { insertFollowUp } from "@/lib/follow-ups/write";
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
  minRole: LEAD_ROLE,
  /** A project the caller sees. */
  async load({ viewer, input, tx }) {
    const [project] = await tx
      .select({ id: projects.id, name: projects.name, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(and(eq(projects.id, input.projectId), visibleProjects(viewer)));
    if (!project) throw new NotFoundError();
    return project;
  },
  async run({ viewer, input, tx, record: project }) {
    // Managers give work within their team; an admin's follow-up belongs to the assignee's team,
    // their own stored team when they take it themselves.
    const row = await insertFollowUp(
      tx,
      viewer,
      {
        enterpriseId: project.enterpriseId,
        projectId: project.id,
        kind: "other",
        title: `${TITLES[input.kind]}（${project.name}）`,
        dueOn: addDays(shanghaiDay(), DUE_IN_DAYS),
        assigneeId: input.assigneeId,
      },
      { adminOwnTeam: "stored" },
    );
    return {
      data: { id: row.id, projectId: project.id, enterpriseId: project.enterpriseId },
      audit: [{ entityType: "follow_up", entityId: row.id, before: null, after: row }],
    };
  },
  after({ projectId, enterpriseId }) {
    revalidatePath("/review/alerts");
    revalidatePath("/my-day");
    revalidatePath(`/projects/${projectId}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
