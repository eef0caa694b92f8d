import { getLocale, getTranslations } from "next-intl/server";
import { ChainMapSection } from "@/components/review/chains-section";
import { ReviewTabs } from "@/components/review/review-tabs";
import { getReadDb } from "@/lib/read-db";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { listChainMap } from "@/lib/review/chain-map";

export async function generateMetadata() {
  const t = await getTranslations("chainMap");
  return { title: t("title") };
}

export default async function ChainMapPage() {
  const viewer = await requireViewer();
  const db = await getReadDb();
  const [chains, t, locale] = await Promise.all([listChainMap(db, viewer), getTranslations("chainMap"), getLocale()]);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <ReviewTabs current="chains" />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {chains.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p> : null}
      {chains.map((chain) => (
        <ChainMapSection
          key={chain.id}
          chain={{ ...chain, name: primaryName(chain, locale).first, nodes: chain.nodes.map((n) => ({ ...n, name: primaryName(n, locale).first })) }}
        />
      ))}
    </div>
  );
}
