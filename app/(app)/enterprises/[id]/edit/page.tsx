import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getEnterpriseDetail } from "@/lib/enterprises/detail-queries";
import { enterpriseFormValues } from "@/lib/enterprises/form-values";
import { primaryName } from "@/lib/i18n/display";
import { uuidParam } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";

// Those who may not edit get the same 404 as a missing record; the action refuses them too.
const load = cache(async (id: string) => {
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const detail = await getEnterpriseDetail(await getDb(), viewer, id);
  if (!detail?.canEdit) notFound();
  return detail;
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ enterprise }, t, locale] = await Promise.all([load((await params).id), getTranslations("enterpriseForm"), getLocale()]);
  return { title: t("editTitle", { name: primaryName(enterprise, locale).first }) };
}

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ enterprise }, t, locale] = await Promise.all([load(id), getTranslations("enterpriseForm"), getLocale()]);
  const name = primaryName(enterprise, locale).first;
  return (
    <ClientMessages namespaces={["enterpriseForm", "enterprises"]}>
      <div className="mx-auto max-w-2xl space-y-4">
        <Link href={`/enterprises/${id}`} className="text-sm text-brand-700 hover:underline">
          ← {name}
        </Link>
        <h1 className="text-2xl font-semibold break-words">{t("editTitle", { name })}</h1>
        <EnterpriseForm mode="edit" id={id} version={enterprise.version} values={enterpriseFormValues(enterprise)} />
      </div>
    </ClientMessages>
  );
}
