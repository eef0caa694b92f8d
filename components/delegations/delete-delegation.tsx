"use client";

import { useTranslations } from "next-intl";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteDelegation } from "@/lib/delegations/actions/delete-delegation";

/** Deleting is soft and confirmed first; the delegation is gone afterwards, so we go back to the list. */
export function DeleteDelegationButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("delegations.delete");
  const tc = useTranslations("common");
  return (
    <ConfirmDeleteButton
      labels={{
        open: tc("delete"),
        title: t("title", { name }),
        body: t("body"),
        cancel: t("cancel"),
        confirm: t("confirm"),
        working: tc("deleting"),
        done: t("done", { name }),
      }}
      remove={() => deleteDelegation({ id, version })}
      redirectTo="/delegations"
    />
  );
}
