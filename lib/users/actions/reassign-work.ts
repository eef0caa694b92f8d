"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LEAD_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError, NotFoundError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { lockPeople, mayReassignFrom, mayReceive, WORK, WORK_KINDS, type WorkCounts } from "../reassign";

/**
 * Hands everything a person owns (open follow-ups, projects, enterprises, delegations) to another
 * person, in one audited step: when someone leaves, changes team or hands over a portfolio. The
 * team of each record stays as it was; every moved row's version goes up, so a form opened on
 * it before meets a conflict rather than writing the old owner back.
 */
export const reassignWork = action({
  name: "user.reassignWork",
  input: z.object({ userId: uuidParam, toUserId: uuidParam }),
  minRole: LEAD_ROLE,
  /** The giver, locked, whose work the caller may reassign; and an active receiver the caller may give it to. */
  async load({ viewer, input, tx }) {
    if (input.userId === input.toUserId) throw new FieldError("toUserId", "validation.invalid");
    const locked = await lockPeople(tx, [input.userId, input.toUserId]);
    const from = locked.find((p) => p.id === input.userId);
    const to = locked.find((p) => p.id === input.toUserId);
    if (!from || !mayReassignFrom(viewer, from)) throw new NotFoundError();
    if (!to || !mayReceive(viewer, to)) throw new FieldError("toUserId", "admin.reassign.targetRefused");
    return { from, to };
  },
  async run({ viewer, tx, record: { from, to } }) {
    const moved = {} as Record<(typeof WORK_KINDS)[number], string[]>;
    for (const kind of WORK_KINDS) {
      const { table, owned } = WORK[kind];
      const column = kind === "followUps" ? { assigneeId: to.id } : { ownerId: to.id };
      const rows = await tx
        .update(table)
        .set({ ...column, updatedAt: new Date(), updatedBy: viewer.id, version: sql`${table.version} + 1` })
        .where(owned(from.id))
        .returning({ id: table.id });
      moved[kind] = rows.map((r) => r.id).sort();
    }
    const counts = Object.fromEntries(WORK_KINDS.map((k) => [k, moved[k].length])) as WorkCounts;
    return {
      data: counts,
      audit: [
        {
          entityType: "user",
          entityId: from.id,
          before: { ownerId: from.id, ...moved },
          after: { ownerId: to.id, toUserId: to.id, toName: to.name ?? to.email, counts },
        },
      ],
    };
  },
  after() {
    revalidatePath("/admin/people");
    revalidatePath("/review/people", "layout");
  },
});
