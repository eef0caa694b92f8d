import { getTranslations } from "next-intl/server";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { requireCreator } from "@/lib/record-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";

export async function generateMetadata() {
  const t = await getTranslations("enterprises");
  return { title: t("new") };
}

export default async function NewEnterprisePage() {
  await requireCreator();
  const t = await getTranslations("enterprises");
  return (
    <ClientMessages namespaces={["enterpriseForm", "enterprises"]}>
      <FormPage title={t("new")}>
        <EnterpriseForm />
      </FormPage>
    </ClientMessages>
  );
}
