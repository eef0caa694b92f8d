import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectForm } from "@/components/projects/project-form";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { projectFormChoices } from "@/lib/projects/form-choices";
import { getEnterpriseName } from "@/lib/projects/form-options";
import { uuidParam } from "@/lib/validation";

export async function generateMetadata() {
  const t = await getTranslations("projects");
  return { title: t("new") };
}

/** A project always starts from an enterprise: /projects/new?enterprise=<id>. */
export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ enterprise?: string | string[] }> }) {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) notFound();
  const { enterprise: enterpriseId } = await searchParams;
  if (typeof enterpriseId !== "string" || !uuidParam.safeParse(enterpriseId).success) notFound();
  const db = await getDb();
  const [enterprise, choices, t, locale] = await Promise.all([
    getEnterpriseName(db, viewer, enterpriseId),
    projectFormChoices(db, viewer, viewer.teamId),
    getTranslations("projects"),
    getLocale(),
  ]);
  if (!enterprise) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div>
        <Link href={`/enterprises/${enterprise.id}`} className="text-sm text-brand-700 hover:underline">
          ← {primaryName(enterprise, locale).first}
        </Link>
        <h1 className="text-2xl font-semibold">{t("new")}</h1>
      </div>
      <ProjectForm mode="create" enterpriseId={enterprise.id} ownerId={viewer.id} {...choices} />
    </div>
  );
}
