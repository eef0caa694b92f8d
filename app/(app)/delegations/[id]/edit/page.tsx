import { getTranslations } from "next-intl/server";
import { DelegationForm } from "@/components/delegations/delegation-form";
import { getDelegation } from "@/lib/delegations/queries";
import { delegationFormValues } from "@/lib/delegations/values";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormPage } from "@/components/ui/form-page";
import { editPage } from "@/lib/record-page";

const load = editPage(getDelegation);

export default async function EditDelegationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { detail } = await load(id);
  const t = await getTranslations("delegations");
  const d = detail.delegation;
  return (
    <ClientMessages namespaces={["delegations.directions", "delegations.form", "enterpriseForm.conflict"]}>
      <FormPage back={{ href: `/delegations/${id}`, label: d.name }} title={t("editTitle")} wide>
        <DelegationForm mode="edit" id={d.id} version={d.version} values={delegationFormValues(d)} />
      </FormPage>
    </ClientMessages>
  );
}
