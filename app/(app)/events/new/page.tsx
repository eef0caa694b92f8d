import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { requireCreator } from "@/lib/record-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";

export async function generateMetadata() {
  const t = await getTranslations("events");
  return { title: t("new") };
}

export default async function NewEventPage() {
  await requireCreator();
  const t = await getTranslations("events");
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "events.form", "events.kinds"]}>
      <FormPage back={{ href: "/events", label: t("backToList") }} title={t("new")}>
        <EventForm mode="create" />
      </FormPage>
    </ClientMessages>
  );
}
