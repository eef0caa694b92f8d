"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** The roles offered; stored as these keys so each reader sees them in their language. */
export const LINK_ROLES = ["visited", "planned", "host", "partner", "organiser"] as const;

export function useRoleLabel() {
  const t = useTranslations("delegations.roles");
  // Older or imported rows may hold free text: shown as written.
  return (role: string) => ((LINK_ROLES as readonly string[]).includes(role) ? t(role as (typeof LINK_ROLES)[number]) : role);
}

export function RoleField({ errors, defaultValue = "visited" }: { errors?: string[]; defaultValue?: string }) {
  const t = useTranslations("delegations.roles");
  return (
    <Field name="role" label={t("label")} errors={errors}>
      {(p) => (
        <select {...p} defaultValue={defaultValue}>
          {LINK_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(r)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
