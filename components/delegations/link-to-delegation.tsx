import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listLinkableDelegations } from "@/lib/delegations/queries";
import { shanghaiDay } from "@/lib/time";
import { LinkEnterpriseForm } from "./link-enterprise-form";

/**
 * For the enterprise page: link this enterprise to one of the delegations the caller may edit
 * (upcoming first, then recent), in a role. Renders nothing for viewers.
 */
export async function LinkEnterpriseToDelegation({ enterpriseId }: { enterpriseId: string }) {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) return null;
  const [db, t] = await Promise.all([getDb(), getTranslations("delegations.directions")]);
  const rows = await listLinkableDelegations(db, viewer, shanghaiDay());
  const choices = rows.map((d) => ({ id: d.id, label: `${d.name} · ${t(d.direction)} · ${d.startsOn}${d.endsOn === d.startsOn ? "" : ` – ${d.endsOn}`}` }));
  return <LinkEnterpriseForm enterpriseId={enterpriseId} choices={choices} />;
}
