import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProjectForm } from "@/components/projects/project-form";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { projectFormChoices } from "@/lib/projects/form-choices";
import { getProject } from "@/lib/projects/queries";
import { projectFormValues } from "@/lib/projects/values";
import { uuidParam } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("projects");
  return { title: t("edit") };
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  if (!uuidParam.safeParse(id).success) notFound();
  const db = await getDb();
  const detail = await getProject(db, viewer, id);
  if (!detail || !detail.canEdit) notFound();
  const [choices, t] = await Promise.all([projectFormChoices(db, viewer, detail.project.teamId), getTranslations("projects")]);
  return (
    <ClientMessages namespaces={["projects.form", "projects.signing", "projects.stages", "projects.statuses"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <div>
          <Link href={`/projects/${id}`} className="text-sm text-brand-700 hover:underline">
            ← {detail.project.name}
          </Link>
          <h1 className="text-2xl font-semibold">{t("edit")}</h1>
        </div>
        <ProjectForm mode="edit" id={id} version={detail.project.version} values={projectFormValues(detail.project)} {...choices} />
      </div>
    </ClientMessages>
  );
}
