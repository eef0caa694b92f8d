import { notFound } from "next/navigation";
import { cache } from "react";
import { type Db, getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { uuidParam } from "@/lib/validation";

type Get<R> = (db: Db, viewer: Viewer, id: string) => Promise<R | null>;

/**
 * The record a page at /<records>/<id> shows, or the 404 page: a malformed id, a missing or
 * deleted record and one the viewer may not see all answer the same, so whether it exists is not
 * revealed. One read per request, shared by the page and its metadata.
 */
export function recordPage<R>(get: Get<R>) {
  return cache(async (id: string) => {
    const viewer = await requireViewer();
    if (!uuidParam.safeParse(id).success) notFound();
    const db = await getDb();
    const detail = await get(db, viewer, id);
    if (!detail) notFound();
    return { viewer, db, detail };
  });
}

/** The same for an edit page: those who may not edit get the same 404 (the action refuses them too). */
export function editPage<R extends { canEdit: boolean }>(get: Get<R>) {
  return recordPage(async (db, viewer, id) => {
    const detail = await get(db, viewer, id);
    return detail?.canEdit ? detail : null;
  });
}

/** The viewer of a page that creates records; those who may not create get the 404 page (the action refuses them too). */
export async function requireCreator(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) notFound();
  return viewer;
}
