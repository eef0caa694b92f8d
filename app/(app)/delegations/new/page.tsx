import { getTranslations } from "next-intl/server";
import { DelegationForm } from "@/components/delegations/delegation-form";
import { requireCreator } from "@/lib/record-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("delegations"))("new") };
}

export default async function NewDelegationPage() {
  await requireCreator();
  const t = await getTranslations("delegations");
  return (
    <ClientMessages namespaces={["delegations.directions", "delegations.form", "enterpriseForm.conflict"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <PageHeader back={{ href: "/delegations", label: t("back") }} title={t("new")} />
        <DelegationForm mode="create" />
      </div>
    </ClientMessages>
  );
}
