import { z } from "zod";
import { plainString, requiredText } from "@/lib/validation";

export const SCREENS = ["enterprises"] as const;

export const saveViewInput = z.object({
  screen: z.enum(SCREENS, { error: "validation.invalid" }),
  name: requiredText(80),
  // A query string of the screen's own filters; it is only ever used as a link's search part.
  query: z.preprocess((v) => (typeof v === "string" ? v.replace(/^\?/, "") : v), plainString(2000)),
  share: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
});
