"use server";

import { z } from "zod";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { getMergePreview } from "../merge-queries";

/** Both records side by side before a merge is confirmed. Reads only, so it writes no audit row. */
export const previewMerge = action({
  name: "enterprise.mergePreview",
  input: z.object({ survivorId: uuidParam, mergedId: uuidParam }),
  minRole: "manager",
  async run({ viewer, input, tx }) {
    const preview = await getMergePreview(tx, viewer, input);
    if (!preview) throw new NotFoundError();
    return { data: preview, audit: [] };
  },
});
