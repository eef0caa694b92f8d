import { getFormatter, getTranslations } from "next-intl/server";
import { shanghaiInstant } from "@/lib/time";
import type { VisitDetail } from "@/lib/visits/queries";

/** The follow-ups a visit created; they are worked on from My day and the enterprise page. */
export async function VisitFollowUps({ items }: { items: VisitDetail["followUps"] }) {
  const [t, tf, format] = await Promise.all([getTranslations("visits.detail"), getTranslations("followUps"), getFormatter()]);
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("noFollowUps")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((f) => (
        <li key={f.id} className="py-2">
          <p className="font-medium break-words">{f.title}</p>
          <p className="text-sm text-slate-600">
            {[
              tf(`kinds.${f.kind}`),
              tf("due", { date: format.dateTime(shanghaiInstant(f.dueOn), { dateStyle: "medium" }) }),
              f.assigneeName ? tf("assignee", { name: f.assigneeName }) : null,
              tf(`statuses.${f.status}`),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
