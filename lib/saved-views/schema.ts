import { z } from "zod";
import { requiredText } from "@/lib/validation";

export const SCREENS = ["enterprises"] as const;

export const saveViewInput = z.object({
  screen: z.enum(SCREENS, { error: "validation.invalid" }),
  name: requiredText(80),
  // A query string of the screen's own filters; it is only ever used as a link's search part.
  query: z.preprocess((v) => (typeof v === "string" ? v.replace(/^\?/, "") : v), z.string().max(2000, { error: "validation.tooLong" })),
  share: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
});
