import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("enterprises");
  return { title: t("new") };
}

export default async function NewEnterprisePage() {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) notFound();
  const t = await getTranslations("enterprises");
  return (
    <ClientMessages namespaces={["enterpriseForm", "enterprises"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("new")}</h1>
        <EnterpriseForm />
      </div>
    </ClientMessages>
  );
}
