"use client";

import { useTranslations } from "next-intl";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteDelegation } from "@/lib/delegations/actions/delete-delegation";

/** Deleting is soft and confirmed first; the delegation is gone afterwards, so we go back to the list. */
export function DeleteDelegationButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("delegations.delete");
  return (
    <ConfirmDeleteButton
      labels={{ title: t("title", { name }), body: t("body"), cancel: t("cancel"), confirm: t("confirm"), done: t("done", { name }) }}
      remove={() => deleteDelegation({ id, version })}
      redirectTo="/delegations"
    />
  );
}
