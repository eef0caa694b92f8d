import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { requireCreator } from "@/lib/record-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  const t = await getTranslations("events");
  return { title: t("new") };
}

export default async function NewEventPage() {
  await requireCreator();
  const t = await getTranslations("events");
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "events.form", "events.kinds"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <PageHeader back={{ href: "/events", label: t("backToList") }} title={t("new")} />
        <EventForm mode="create" />
      </div>
    </ClientMessages>
  );
}
