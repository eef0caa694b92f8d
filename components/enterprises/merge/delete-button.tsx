"use client";

import { useLocale, useTranslations } from "next-intl";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteEnterprise } from "@/lib/enterprises/actions/delete-enterprise";
import { primaryName } from "@/lib/i18n/display";

type Names = { nameZh: string | null; nameEn: string | null };

/** On success the record is gone, so we go back to the list. */
export function DeleteEnterpriseButton({ id, version, names }: { id: string; version: number; names: Names }) {
  const t = useTranslations("deleted");
  const tc = useTranslations("common");
  const name = primaryName(names, useLocale()).first;
  return (
    <ConfirmDeleteButton
      labels={{
        open: tc("delete"),
        title: t("delete.title", { name }),
        body: t("delete.body"),
        cancel: tc("cancel"),
        confirm: t("delete.confirm"),
        working: tc("deleting"),
        done: t("delete.done", { name }),
      }}
      remove={() => deleteEnterprise({ id, version })}
      redirectTo="/enterprises"
    />
  );
}
