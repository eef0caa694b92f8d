import { getTranslations } from "next-intl/server";
import { ProjectForm } from "@/components/projects/project-form";
import { projectFormChoices } from "@/lib/projects/form-choices";
import { getProject } from "@/lib/projects/queries";
import { projectFormValues } from "@/lib/projects/values";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";
import { editPage } from "@/lib/record-page";

const load = editPage(getProject);

export async function generateMetadata() {
  const t = await getTranslations("projects");
  return { title: t("edit") };
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, db, detail } = await load(id);
  const [choices, t] = await Promise.all([projectFormChoices(db, viewer, detail.project.teamId), getTranslations("projects")]);
  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "projects.form", "projects.signing", "projects.stages", "projects.statuses"]}>
      <FormPage back={{ href: `/projects/${id}`, label: detail.project.name }} title={t("edit")}>
        <ProjectForm mode="edit" id={id} version={detail.project.version} values={projectFormValues(detail.project)} {...choices} />
      </FormPage>
    </ClientMessages>
  );
}
