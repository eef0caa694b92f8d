"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteView } from "@/lib/saved-views/actions/delete-view";
import { saveView } from "@/lib/saved-views/actions/save-view";

export function SaveViewForm({ query, canShare }: { query: string; canShare: boolean }) {
  const t = useTranslations("savedViews");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: saveView, success: t("saved") });
  // A refusal that names no field (the name is taken, say) is said under the name.
  const nameErrors = errors.name ?? (notice && Object.keys(errors).length === 0 ? [notice.text] : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="screen" value="enterprises" />
      <input type="hidden" name="query" value={query} />
      <Field name="name" label={t("saveCurrent")} errors={nameErrors}>
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
