import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EventForm } from "@/components/events/event-form";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getEvent } from "@/lib/events/queries";
import { primaryName } from "@/lib/i18n/display";
import { uuidParam } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("events");
  return { title: t("edit") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const detail = await getEvent(await getDb(), viewer, id);
  if (!detail?.canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("events"), getLocale()]);
  const e = detail.event;
  return (
    <ClientMessages namespaces={["events.form", "events.kinds"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <div>
          <Link href={`/events/${id}`} className="text-sm text-brand-700 hover:underline">
            ← {primaryName(e, locale).first}
          </Link>
          <h1 className="text-2xl font-semibold">{t("edit")}</h1>
        </div>
        <EventForm
          mode="edit"
          id={id}
          version={e.version}
          values={{
            kind: e.kind,
            nameZh: e.nameZh ?? "",
            nameEn: e.nameEn ?? "",
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            city: e.city ?? "",
            venue: e.venue ?? "",
            host: e.host ?? "",
            description: e.description ?? "",
          }}
        />
      </div>
    </ClientMessages>
  );
}
