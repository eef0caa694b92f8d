import { getLocale, getTranslations } from "next-intl/server";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { getEnterpriseDetail } from "@/lib/enterprises/detail-queries";
import { enterpriseFormValues } from "@/lib/enterprises/form-values";
import { primaryName } from "@/lib/i18n/display";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";
import { editPage } from "@/lib/record-page";

const load = editPage(getEnterpriseDetail);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ detail: { enterprise } }, t, locale] = await Promise.all([load((await params).id), getTranslations("enterpriseForm"), getLocale()]);
  return { title: t("editTitle", { name: primaryName(enterprise, locale).first }) };
}

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ detail: { enterprise } }, t, locale] = await Promise.all([load(id), getTranslations("enterpriseForm"), getLocale()]);
  const name = primaryName(enterprise, locale).first;
  return (
    <ClientMessages namespaces={["enterpriseForm", "enterprises"]}>
      <FormPage back={{ href: `/enterprises/${id}`, label: name }} title={t("editTitle", { name })}>
        <EnterpriseForm mode="edit" id={id} version={enterprise.version} values={enterpriseFormValues(enterprise)} />
      </FormPage>
    </ClientMessages>
  );
}
