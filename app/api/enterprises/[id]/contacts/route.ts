import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { getEnterprise } from "@/lib/enterprises/queries";
import { uuidParam } from "@/lib/validation";
import { listEnterpriseContacts } from "@/lib/visits/queries";

export const dynamic = "force-dynamic";

/** An enterprise's contacts for the visit form's "their side", fetched when the enterprise changes. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const { id } = await params;
  if (!uuidParam.safeParse(id).success) return Response.json({ error: "notFound" }, { status: 404 });
  const db = await getDb();
  // A missing or deleted enterprise answers 404, not an empty list, like every other record address.
  if (!(await getEnterprise(db, id))) return Response.json({ error: "notFound" }, { status: 404 });
  const items = await listEnterpriseContacts(db, id);
  return Response.json({ items });
}
