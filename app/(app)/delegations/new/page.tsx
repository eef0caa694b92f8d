import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DelegationForm } from "@/components/delegations/delegation-form";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("delegations"))("new") };
}

export default async function NewDelegationPage() {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) notFound();
  const t = await getTranslations("delegations");
  return (
    <ClientMessages namespaces={["delegations.directions", "delegations.form"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href="/delegations" className="text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("new")}</h1>
        <DelegationForm mode="create" />
      </div>
    </ClientMessages>
  );
}
