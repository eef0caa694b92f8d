import type { Enterprise } from "@/db/schema";
import { canEdit } from "@/lib/access";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { DeleteEnterpriseButton } from "./merge/delete-button";
import { MergeEnterpriseButton } from "./merge/merge-button";

/**
 * Manager tools on the enterprise page: merge into another record, soft delete. Nothing for
 * callers who may not use them (the actions refuse them too).
 */
export function EnterpriseManageActions({ enterprise, viewer }: { enterprise: Enterprise; viewer: Viewer }) {
  if (enterprise.deletedAt || !atLeast(viewer.role, "manager") || !canEdit(viewer, enterprise)) return null;
  // Both names go down: the buttons pick the one for the reader's language.
  const names = { nameZh: enterprise.nameZh, nameEn: enterprise.nameEn };
  return (
    <div className="flex flex-wrap gap-2">
      <MergeEnterpriseButton id={enterprise.id} version={enterprise.version} names={names} />
      <DeleteEnterpriseButton id={enterprise.id} version={enterprise.version} names={names} />
    </div>
  );
}
