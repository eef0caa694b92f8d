"use server";

import { eq, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES, users } from "@/db/schema";
import { READ_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Keeps the language on the user, so it follows them to every device and sign-in. */
export const setLocale = action({
  name: "user.set_locale",
  input: z.object({ locale: z.enum(LOCALES, { error: "validation.invalid" }) }),
  minRole: READ_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    await tx
      .update(users)
      .set({ locale: input.locale, updatedAt: new Date(), updatedBy: viewer.id, version: sql`${users.version} + 1` })
      .where(eq(users.id, viewer.id));
    return {
      data: { locale: input.locale },
      audit: [{ entityType: "user", entityId: viewer.id, before: { locale: viewer.locale }, after: { locale: input.locale } }],
    };
  },
  async after({ locale }) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    revalidatePath("/", "layout");
  },
});
