"use client";

import { useLocale, useTranslations } from "next-intl";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteEnterprise } from "@/lib/enterprises/actions/delete-enterprise";
import { primaryName } from "@/lib/i18n/display";

type Names = { nameZh: string | null; nameEn: string | null };

/** On success the record is gone, so we go back to the list. */
export function DeleteEnterpriseButton({ id, version, names }: { id: string; version: number; names: Names }) {
  const t = useTranslations("deleted.delete");
  const name = primaryName(names, useLocale()).first;
  return (
    <ConfirmDeleteButton
      labels={{ title: t("title", { name }), body: t("body"), confirm: t("confirm"), done: t("done", { name }) }}
      remove={() => deleteEnterprise({ id, version })}
      redirectTo="/enterprises"
    />
  );
}
