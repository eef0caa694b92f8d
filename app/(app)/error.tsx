"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shows a plain message; the error's text (which may hold SQL or a stack) stays in the server log.
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold">{t("pageTitle")}</h1>
      <p className="text-slate-600">{t("pageBody")}</p>
      <Button variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
