import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectForm } from "@/components/projects/project-form";
import { getDb } from "@/db";
import { requireCreator } from "@/lib/record-page";
import { getEvent } from "@/lib/events/queries";
import { primaryName } from "@/lib/i18n/display";
import { projectFormChoices } from "@/lib/projects/form-choices";
import { getEnterpriseName } from "@/lib/projects/form-options";
import { uuidParam } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";

export async function generateMetadata() {
  const t = await getTranslations("projects");
  return { title: t("new") };
}

const validId = (v: string | string[] | undefined) => (typeof v === "string" && uuidParam.safeParse(v).success ? v : undefined);

/**
 * A project always starts from an enterprise: /projects/new?enterprise=<id>. `event` or
 * `delegation` preselect its source, as "Record signing" on an event page does.
 */
export default async function NewProjectPage({
  searchParams,
}: {
  searchParams: Promise<{ enterprise?: string | string[]; event?: string | string[]; delegation?: string | string[] }>;
}) {
  const viewer = await requireCreator();
  const query = await searchParams;
  const enterpriseId = query.enterprise;
  if (typeof enterpriseId !== "string" || !uuidParam.safeParse(enterpriseId).success) notFound();
  const db = await getDb();
  const [enterprise, choices, t, locale] = await Promise.all([
    getEnterpriseName(db, enterpriseId),
    projectFormChoices(db, viewer, viewer.teamId),
    getTranslations("projects"),
    getLocale(),
  ]);
  if (!enterprise) notFound();
  const eventId = validId(query.event);
  const delegationId = validId(query.delegation);
  // The form lists recent events only; an older one asked for by the link is added to the choices.
  const sourceEvent = eventId && !choices.events.some((e) => e.id === eventId) ? (await getEvent(db, viewer, eventId))?.event : undefined;
  const events = sourceEvent ? [{ id: sourceEvent.id, nameZh: sourceEvent.nameZh, nameEn: sourceEvent.nameEn, startsOn: sourceEvent.startsOn }, ...choices.events] : choices.events;
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "projects.form", "projects.signing", "projects.stages", "projects.statuses"]}>
      <FormPage back={{ href: `/enterprises/${enterprise.id}`, label: primaryName(enterprise, locale).first }} title={t("new")}>
        <ProjectForm
          mode="create"
          enterpriseId={enterprise.id}
          ownerId={viewer.id}
          sourceEventId={events.some((e) => e.id === eventId) ? eventId : undefined}
          sourceDelegationId={choices.delegations.some((d) => d.id === delegationId) ? delegationId : undefined}
          {...choices}
          events={events}
        />
      </FormPage>
    </ClientMessages>
  );
}
