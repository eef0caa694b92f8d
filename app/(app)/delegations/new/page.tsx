import { getTranslations } from "next-intl/server";
import { DelegationForm } from "@/components/delegations/delegation-form";
import { requireCreator } from "@/lib/record-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";

export async function generateMetadata() {
  return { title: (await getTranslations("delegations"))("new") };
}

export default async function NewDelegationPage() {
  await requireCreator();
  const t = await getTranslations("delegations");
  return (
    <ClientMessages namespaces={["delegations.directions", "delegations.form", "enterpriseForm.conflict"]}>
      <FormPage back={{ href: "/delegations", label: t("back") }} title={t("new")} wide>
        <DelegationForm mode="create" />
      </FormPage>
    </ClientMessages>
  );
}
