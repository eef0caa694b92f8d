"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { deleteView } from "@/lib/saved-views/actions/delete-view";
import { saveView } from "@/lib/saved-views/actions/save-view";

export function SaveViewForm({ query, canShare }: { query: string; canShare: boolean }) {
  const t = useTranslations("savedViews");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await saveView(data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { name: [result.message] });
        return;
      }
      setErrors({});
      form.reset();
      toast.success(t("saved"));
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="screen" value="enterprises" />
      <input type="hidden" name="query" value={query} />
      <Field name="name" label={t("saveCurrent")} errors={errors.name}>
        {(p) => <input {...p} type="text" maxLength={80} placeholder={t("name")} />}
      </Field>
      {canShare ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="share" className="size-4" />
          {t("share")}
        </label>
      ) : null}
      {errors.share ? <p className="text-sm text-red-700">{errors.share.join(" ")}</p> : null}
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
        {t("save")}
      </button>
    </form>
  );
}

export function DeleteViewButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("savedViews");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={t("delete", { name })}
      onClick={() => {
        if (!window.confirm(t("confirmDelete", { name }))) return;
        startTransition(async () => {
          const result = await deleteView({ id });
          if (!result.ok) {
            toast.error(result.message);
            return;
          }
          toast.success(t("deleted"));
          router.refresh();
        });
      }}
      className="rounded px-2 py-1 text-slate-500 hover:bg-red-50 hover:text-red-700"
    >
      ×
    </button>
  );
}
