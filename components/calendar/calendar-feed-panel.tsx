"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { revokeFeedToken } from "@/lib/calendar/actions/revoke-feed-token";
import { rotateFeedToken } from "@/lib/calendar/actions/rotate-feed-token";

const noSubscribe = () => () => {};

/** Shows and manages the secret feed address; the page's own origin makes the full URL. */
export function CalendarFeedPanel({ token: initial }: { token: string | null }) {
  const t = useTranslations("calendar.menu");
  const [token, setToken] = useState(initial);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const url = token ? `${origin}/api/calendar/${token}` : null;

  function rotate() {
    startTransition(async () => {
      const result = await rotateFeedToken({});
      if (!result.ok) return void toast.error(result.message);
      setToken(result.data.token);
      toast.success(initial || token ? t("rotated") : t("created"));
    });
  }
  function revoke() {
    startTransition(async () => {
      const result = await revokeFeedToken({});
      if (!result.ok) return void toast.error(result.message);
      setToken(null);
      toast.success(t("revoked"));
    });
  }
  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 text-sm">
      <h2 id={`${id}-title`} className="font-medium">
        {t("title")}
      </h2>
      <p className="text-xs text-slate-500">{url ? t("explainOn") : t("explainOff")}</p>
      {url ? (
        <div className="space-y-2">
          <label htmlFor={`${id}-url`} className="sr-only">
            {t("address")}
          </label>
          <input id={`${id}-url`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs" />
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={copy} disabled={pending}>
              {t("copy")}
            </Button>
            <Button variant="secondary" onClick={rotate} disabled={pending}>
              {t("rotate")}
            </Button>
            <Button variant="ghost" className="text-red-700" onClick={revoke} disabled={pending}>
              {t("revoke")}
            </Button>
          </div>
          <p className="text-xs text-slate-500">{t("secret")}</p>
        </div>
      ) : (
        <Button variant="secondary" onClick={rotate} disabled={pending}>
          {t("turnOn")}
        </Button>
      )}
    </section>
  );
}
