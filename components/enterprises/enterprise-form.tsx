"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ENTERPRISE_SIZES, OWNERSHIPS } from "@/db/schema";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { COUNTRIES } from "@/lib/enterprises/schema";
import { countryName } from "@/lib/i18n/display";

type Errors = Record<string, string[] | undefined>;

export function EnterpriseForm() {
  const t = useTranslations("enterprises");
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Calling the action ourselves (not via <form action>) keeps every typed value on error.
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createEnterprise(data);
      if (result.ok) {
        toast.success(t("created"));
        router.push(`/enterprises/${result.data.id}`);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      const firstInvalid = Object.keys(result.fieldErrors ?? {})[0];
      if (firstInvalid) formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {message ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="nameZh" label={t("fields.nameZh")} errors={errors.nameZh}>
          {(p) => <input {...p} type="text" autoComplete="off" lang="zh-CN" />}
        </Field>
        <Field name="nameEn" label={t("fields.nameEn")} errors={errors.nameEn}>
          {(p) => <input {...p} type="text" autoComplete="off" lang="en" />}
        </Field>
      </div>
      <Field name="creditCode" label={t("fields.creditCode")} hint={t("fields.creditCodeHint")} errors={errors.creditCode}>
        {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} maxLength={24} className={`${p.className} font-mono uppercase`} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="country" label={t("fields.country")} errors={errors.country}>
          {(p) => (
            <select {...p} defaultValue="CN">
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {countryName(code, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="province" label={t("fields.province")} errors={errors.province}>
          {(p) => <input {...p} type="text" />}
        </Field>
        <Field name="city" label={t("fields.city")} errors={errors.city}>
          {(p) => <input {...p} type="text" />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="size" label={t("fields.size")} errors={errors.size}>
          {(p) => (
            <select {...p} defaultValue="">
              <option value="">{t("fields.notSet")}</option>
              {ENTERPRISE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {t(`sizes.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="ownership" label={t("fields.ownership")} errors={errors.ownership}>
          {(p) => (
            <select {...p} defaultValue="">
              <option value="">{t("fields.notSet")}</option>
              {OWNERSHIPS.map((o) => (
                <option key={o} value={o}>
                  {t(`ownerships.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="website" label={t("fields.website")} errors={errors.website}>
        {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" />}
      </Field>
      <Field name="description" label={t("fields.description")} errors={errors.description}>
        {(p) => <textarea {...p} rows={4} />}
      </Field>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href="/enterprises" className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
