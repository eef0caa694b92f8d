"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teams } from "@/db/schema";
import { ADMIN_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { ConflictError, FieldError } from "@/lib/errors";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { WEBHOOK_FORMATS, webhookVendor } from "@/lib/notifications/channels";
import { updateVersioned } from "@/lib/records";
import { lockTeamForEdit } from "@/lib/admin/lock-team";
import { uuidParam, versionField } from "@/lib/validation";

/** What the team's robot form shows: the address ("" for none) and its format. */
const teamWebhookValues = (team: { webhookUrl: string | null; webhookFormat: string | null }) => ({
  webhookUrl: team.webhookUrl ?? "",
  webhookFormat: team.webhookFormat ?? "wecom",
});

// A robot's address as its vendor gives it (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…);
// http for a robot or relay inside the government network. Empty: the team has none.
const webhookUrl = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string()
    .max(500, { error: "validation.tooLong" })
    .refine((s) => {
      if (s === "") return true;
      try {
        const url = new URL(s);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, { error: "adminRules.webhookUrl" }),
);

/**
 * Gives a team its own group-chat robot (企业微信, 钉钉 or 飞书), or takes it away: the team's
 * morning summary and its verification requests go there. The first robot in a process that
 * sends nothing yet starts the reminders.
 */
export const setTeamWebhook = action({
  name: "team.setWebhook",
  input: z.object({ id: uuidParam, version: versionField, webhookUrl, webhookFormat: z.enum(WEBHOOK_FORMATS, { error: "validation.invalid" }) }),
  minRole: ADMIN_ROLE,
  load: ({ input, tx }) => lockTeamForEdit(tx, input.id),
  async run({ viewer, input, tx, record: before }) {
    if (before.version !== input.version) throw new ConflictError(await savedVersion(tx, before, teamWebhookValues(before)));
    const vendor = input.webhookUrl ? webhookVendor(input.webhookUrl) : null;
    if (vendor && vendor !== input.webhookFormat) throw new FieldError("webhookFormat", "adminRules.webhookFormat");
    const values = input.webhookUrl ? { webhookUrl: input.webhookUrl, webhookFormat: input.webhookFormat } : { webhookUrl: null, webhookFormat: null };
    const after = await updateVersioned(tx, teams, before, input.version, values, viewer);
    return { data: { id: after.id }, audit: [{ entityType: "team", entityId: after.id, before, after }] };
  },
  async after() {
    revalidatePath("/admin/teams");
    const { getDatabase } = await import("@/db");
    const { remindersWanted, startReminders } = await import("@/lib/notifications/start");
    const database = await getDatabase();
    if (await remindersWanted(database)) await startReminders(database);
  },
});
