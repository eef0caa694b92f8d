import { getTranslations } from "next-intl/server";
import { VisitForm } from "@/components/visits/visit-form";
import { visitPeople } from "@/lib/visits/people";
import { getVisit } from "@/lib/visits/queries";
import { visitFormValues } from "@/lib/visits/values";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";
import { editPage } from "@/lib/record-page";

const load = editPage(getVisit);

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("editTitle") };
}

export default async function EditVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, db, detail: d } = await load(id);
  const t = await getTranslations("visits");
  const ours = d.attendees.filter((a) => a.side === "ours" && a.userId).map((a) => a.userId!);
  const people = await visitPeople(db, viewer, ours);
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "enterprisePicker", "followUps.kinds", "visits"]}>
      <FormPage back={{ href: `/visits/${id}`, label: t("title") }} title={t("editTitle")}>
        <VisitForm
          mode="edit"
          id={id}
          version={d.visit.version}
          enterprise={{ id: d.visit.enterpriseId, nameZh: d.enterpriseNameZh, nameEn: d.enterpriseNameEn }}
          people={people}
          cancelHref={`/visits/${id}`}
          values={visitFormValues(d.visit, {
            ours,
            theirs: d.attendees.filter((a) => a.side === "theirs" && a.contactId).map((a) => a.contactId!),
            theirsNew: d.attendees.filter((a) => a.side === "theirs" && !a.contactId && a.name).map((a) => a.name!),
          })}
        />
      </FormPage>
    </ClientMessages>
  );
}
