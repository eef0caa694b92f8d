"use server";

import { z } from "zod";
import { action } from "@/lib/action";
import { uuidParam } from "@/lib/validation";
import { findMergeCandidates } from "../merge-queries";

/** Search-as-you-type for the merge dialog. Reads only, so it writes no audit row. */
export const searchMergeCandidates = action({
  name: "enterprise.mergeCandidates",
  input: z.object({ mergedId: uuidParam, query: z.string().max(200) }),
  minRole: "manager",
  async run({ viewer, input, tx }) {
    const rows = await findMergeCandidates(tx, viewer, { query: input.query, excludeId: input.mergedId });
    return { data: rows, audit: [] };
  },
});
