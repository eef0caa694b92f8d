import { getLocale, getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { getEvent } from "@/lib/events/queries";
import { eventFormValues } from "@/lib/events/values";
import { primaryName } from "@/lib/i18n/display";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";
import { editPage } from "@/lib/record-page";

const load = editPage(getEvent);

export async function generateMetadata() {
  const t = await getTranslations("events");
  return { title: t("edit") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { detail } = await load(id);
  const [t, locale] = await Promise.all([getTranslations("events"), getLocale()]);
  const e = detail.event;
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "events.form", "events.kinds"]}>
      <FormPage back={{ href: `/events/${id}`, label: primaryName(e, locale).first }} title={t("edit")}>
        <EventForm mode="edit" id={id} version={e.version} values={eventFormValues(e)} />
      </FormPage>
    </ClientMessages>
  );
}
