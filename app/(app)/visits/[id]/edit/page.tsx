import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VisitForm } from "@/components/visits/visit-form";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { uuidParam } from "@/lib/validation";
import { shanghaiDateTimeInput } from "@/lib/visits/dates";
import { visitPeople } from "@/lib/visits/people";
import { getVisit } from "@/lib/visits/queries";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("editTitle") };
}

// Those who may not edit get the same 404 as a missing visit; the action refuses them too.
export default async function EditVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const db = await getDb();
  const d = await getVisit(db, viewer, id);
  if (!d?.canEdit) notFound();
  const t = await getTranslations("visits");
  const ours = d.attendees.filter((a) => a.side === "ours" && a.userId).map((a) => a.userId!);
  const people = await visitPeople(db, viewer, ours);
  return (
    <ClientMessages namespaces={["enterprisePicker", "followUps.kinds", "visits"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <Link href={`/visits/${id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
        <VisitForm
          mode="edit"
          id={id}
          version={d.visit.version}
          enterprise={{ id: d.visit.enterpriseId, nameZh: d.enterpriseNameZh, nameEn: d.enterpriseNameEn }}
          people={people}
          cancelHref={`/visits/${id}`}
          values={{
            occurredAt: shanghaiDateTimeInput(d.visit.occurredAt),
            place: d.visit.place ?? "",
            summary: d.visit.summary ?? "",
            outcome: d.visit.outcome ?? "",
            ours,
            theirs: d.attendees.filter((a) => a.side === "theirs" && a.contactId).map((a) => a.contactId!),
            theirsNew: d.attendees
              .filter((a) => a.side === "theirs" && !a.contactId && a.name)
              .map((a) => a.name)
              .join("、"),
          }}
        />
      </div>
    </ClientMessages>
  );
}
