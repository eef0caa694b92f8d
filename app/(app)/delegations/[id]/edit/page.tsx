import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DelegationForm } from "@/components/delegations/delegation-form";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getDelegation } from "@/lib/delegations/queries";
import { delegationFormValues } from "@/lib/delegations/values";
import { uuidParam } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function EditDelegationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const detail = await getDelegation(await getDb(), viewer, id);
  if (!detail || !detail.canEdit) notFound();
  const t = await getTranslations("delegations");
  const d = detail.delegation;
  return (
    <ClientMessages namespaces={["delegations.directions", "delegations.form"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href={`/delegations/${id}`} className="text-sm text-brand-700 hover:underline">
          ← {d.name}
        </Link>
        <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
        <DelegationForm mode="edit" id={d.id} version={d.version} values={delegationFormValues(d)} />
      </div>
    </ClientMessages>
  );
}
