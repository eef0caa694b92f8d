import { getTranslations } from "next-intl/server";
import type { Role } from "@/db/enums";
import { atLeast } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";

const STATUS = { unauthenticated: 401, forbidden: 403, notFound: 404 } as const;

/** A refusal the merge dialog shows as it is: the reader's language, no detail beyond the kind. */
export async function refuse(kind: keyof typeof STATUS) {
  const t = (await getTranslations()) as unknown as (key: string) => string;
  return Response.json({ error: t(`errors.${kind}`) }, { status: STATUS[kind] });
}

/** The signed-in caller when their role may merge; otherwise the refusal to answer with. */
export async function mergingViewer(minRole: Role = "manager"): Promise<{ viewer: Viewer } | { refusal: Response }> {
  const viewer = await getViewer();
  if (!viewer) return { refusal: await refuse("unauthenticated") };
  if (!atLeast(viewer.role, minRole)) return { refusal: await refuse("forbidden") };
  return { viewer };
}
