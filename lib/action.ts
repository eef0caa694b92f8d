import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { rememberWrite } from "@/lib/read-db";
import { type ActionDefinition, type ActionResult, runAction } from "./action-core";

export type { ActionResult } from "./action-core";
export { noRecord } from "./action-core";

export type ServerAction<T> = ((payload: FormData | Record<string, unknown>) => Promise<ActionResult<T>>) & {
  definition: ActionDefinition<z.ZodType, T>;
};

/**
 * The only way to make a server action. Every export of a "use server" file must be
 * `export const x = action({...})` with a `load` step; lib/action.test.ts fails the build of one that is not.
 */
export function action<S extends z.ZodType, T, R>(def: ActionDefinition<S, T, R>): ServerAction<T> {
  const serverAction = async (payload: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const translate = (await getTranslations()) as unknown as (key: string) => string;
    let viewer: Awaited<ReturnType<typeof getViewer>>;
    let db: Awaited<ReturnType<typeof getDb>>;
    try {
      [viewer, db] = await Promise.all([getViewer(), getDb()]);
    } catch (error) {
      // The session lookup is the first database call: when the database is unreachable the
      // caller gets an answer, not a 500, and nothing was written.
      console.error(`[action ${def.name}] database unavailable`, error instanceof Error ? error.message : error);
      return { ok: false, message: translate("errors.unavailable") };
    }
    const result = await runAction(def, { viewer, db, t: translate }, payload);
    // Before `after`, which may redirect: the writer's next page reads what they just wrote.
    if (result.ok) await rememberWrite();
    // Outside the try of runAction: `after` may redirect, which Next implements by throwing.
    if (result.ok && def.after && viewer) await def.after(result.data, viewer);
    return result;
  };
  return Object.assign(serverAction, { definition: def as unknown as ActionDefinition<z.ZodType, T> });
}
