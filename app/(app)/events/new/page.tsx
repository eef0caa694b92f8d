import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("events");
  return { title: t("new") };
}

export default async function NewEventPage() {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) notFound();
  const t = await getTranslations("events");
  return (
    <ClientMessages namespaces={["events.form", "events.kinds"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <div>
          <Link href="/events" className="text-sm text-brand-700 hover:underline">
            ← {t("backToList")}
          </Link>
          <h1 className="text-2xl font-semibold">{t("new")}</h1>
        </div>
        <EventForm mode="create" />
      </div>
    </ClientMessages>
  );
}
