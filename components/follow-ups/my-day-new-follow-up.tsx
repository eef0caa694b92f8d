"use client";

import { useTranslations } from "next-intl";
import { EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { NewFollowUp } from "./new-follow-up";

/** My day's "New follow-up": the same form, about an enterprise chosen in it. */
export function MyDayNewFollowUp({ today }: { today: string }) {
  const t = useTranslations("followUps.form");
  return (
    <NewFollowUp
      today={today}
      chooseEnterprise={(errors) => <EnterprisePicker name="enterpriseId" label={t("enterprise")} errors={errors} />}
    />
  );
}
