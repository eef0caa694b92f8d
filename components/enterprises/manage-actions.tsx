import type { Enterprise } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/** Manager tools on the enterprise page: soft delete, merge. Filled in by the merge work. */
export function EnterpriseManageActions(_props: { enterprise: Enterprise; viewer: Viewer }) {
  return null;
}
