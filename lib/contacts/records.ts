import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { contacts, enterprises } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { lockForEdit } from "@/lib/records";

/**
 * A contact for writing, with its enterprise: whoever may edit the enterprise may edit its
 * contacts. Locks the enterprise first, then the contact, the same order every contact write
 * takes, so two writers never wait on each other in a circle.
 */
export async function lockContactForEdit(tx: Tx, id: string, viewer: Viewer) {
  const [link] = await tx.select({ enterpriseId: contacts.enterpriseId }).from(contacts).where(eq(contacts.id, id));
  if (!link) throw new NotFoundError();
  const enterprise = await lockForEdit(tx, enterprises, link.enterpriseId, viewer);
  const contact = await lockForEdit(tx, contacts, id, viewer, { owned: () => enterprise });
  return { enterprise, contact };
}
