import { useTranslations } from "next-intl";
import { getDb } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { shanghaiDay } from "@/lib/time";
import { listFollowUpsFor } from "@/lib/follow-ups/queries";
import { listTeamMembers } from "@/lib/projects/form-options";
import { FollowUpList } from "./follow-up-list";
import { NewFollowUp } from "./new-follow-up";

/**
 * The follow-ups of a project (when projectId is given) or of an enterprise, with the
 * "New follow-up" form for people who may create. Mountable on any page as a server component.
 */
export async function FollowUpsSection({ viewer, enterpriseId, projectId }: { viewer: Viewer; enterpriseId: string; projectId?: string }) {
  const db = await getDb();
  const [{ open, closed }, people] = await Promise.all([
    listFollowUpsFor(db, viewer, projectId ? { projectId } : { enterpriseId }),
    listTeamMembers(db, viewer.teamId),
  ]);
  const today = shanghaiDay();
  return (
    <div className="space-y-3">
      <FollowUpList items={open} people={people} today={today} />
      {closed.length ? <Closed items={closed} today={today} /> : null}
      {viewer.role !== "viewer" ? <NewFollowUp enterpriseId={enterpriseId} projectId={projectId} today={today} /> : null}
    </div>
  );
}

function Closed({ items, today }: { items: Awaited<ReturnType<typeof listFollowUpsFor>>["closed"]; today: string }) {
  const t = useTranslations("followUps");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-3 text-slate-600 sm:py-0">{t("recentlyDone", { count: items.length })}</summary>
      <FollowUpList items={items} people={[]} today={today} />
    </details>
  );
}
