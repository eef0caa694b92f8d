import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/enterprises/import/import-wizard";
import { requireCreator } from "@/lib/record-page";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function ImportEnterprisesPage() {
  await requireCreator();
  const t = await getTranslations("import");
  return (
    <ClientMessages namespaces={["import", "validation"]}>
      <div className="mx-auto max-w-4xl space-y-4">
        <div>
          <Link href="/enterprises" className="text-sm text-brand-700 hover:underline">
            ← {t("backToList")}
          </Link>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("rule")}</p>
        </div>
        <ImportWizard />
      </div>
    </ClientMessages>
  );
}
