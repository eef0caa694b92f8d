import { useTranslations } from "next-intl";
import type { FollowUpRow } from "@/lib/follow-ups/queries";
import { FollowUpItem, type Person } from "./follow-up-item";

export function FollowUpList({ items, people, today, empty }: { items: FollowUpRow[]; people: Person[]; today: string; empty?: string }) {
  const t = useTranslations("followUps");
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty ?? t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => (
        <FollowUpItem key={item.id} item={item} people={people} today={today} overdue={item.status === "open" && item.dueOn < today} />
      ))}
    </ul>
  );
}
