"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { importEnterprisesDefinition, previewImportDefinition } from "../import/definitions";

/** Dry run of a chunk of an uploaded list: new, duplicate or invalid, per row. */
export const previewImport = action(previewImportDefinition);

/** Creates the new enterprises of a chunk; duplicates and invalid rows are skipped and reported. */
export const importEnterprises = action({
  ...importEnterprisesDefinition,
  after(data) {
    if (data.counts.created > 0) revalidatePath("/enterprises");
  },
});
