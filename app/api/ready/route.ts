import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { isReady } from "@/lib/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness, for load balancers: 200 once this instance has migrated and connected and while its
 * database answers; 503 before that and from SIGTERM on, while it finishes its requests
 * (lib/readiness.ts). /api/health says only whether the process is alive.
 */
export async function GET() {
  if (!isReady()) return Response.json({ ready: false }, { status: 503, headers: { "cache-control": "no-store" } });
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ready: true }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ ready: false }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
