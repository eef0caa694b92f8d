import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ChainMapNode } from "@/lib/review/chain-map";

type Node = ChainMapNode & { name: string };

/** One chain as a row of node cards; a node with no enterprise stands out as a gap. */
export async function ChainMapSection({ chain }: { chain: { id: string; name: string; nodes: Node[] } }) {
  const t = await getTranslations("chainMap");
  const gaps = chain.nodes.filter((n) => n.gap).length;
  const headingId = `chain-${chain.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">{chain.name}</h2>
        <p className="text-sm text-slate-600">{t("totals", { nodes: chain.nodes.length, gaps })}</p>
      </div>
      <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {chain.nodes.map((node) => (
          <li
            key={node.id}
            aria-label={node.name}
            data-gap={node.gap || undefined}
            className={`space-y-2 rounded-md border p-3 ${node.gap ? "border-2 border-dashed border-amber-500 bg-amber-50" : "border-slate-200 bg-slate-50"}`}
          >
            <h3 className="font-medium text-slate-900">{node.name}</h3>
            {node.gap ? <p className="text-sm font-semibold text-amber-900">{t("gap")}</p> : null}
            <dl className="grid grid-cols-3 gap-2 text-center">
              {(
                [
                  ["enterprises", node.enterprises],
                  ["active", node.activeProjects],
                  ["landed", node.landedProjects],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="rounded bg-white px-1 py-1.5">
                  <dt className="text-xs text-slate-600">{t(key)}</dt>
                  <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            <Link href={`/enterprises?node=${node.id}`} className="inline-block text-sm font-medium text-brand-700 hover:underline">
              {t("findLeads")}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
