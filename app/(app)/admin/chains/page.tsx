import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeleteChainItem, MoveButtons } from "@/components/admin/admin-buttons";
import { AdminForm } from "@/components/admin/admin-form";
import { getDb } from "@/db";
import { createChainItem, renameChainItem } from "@/lib/admin/actions/chains";
import { listChainsForAdmin } from "@/lib/admin/queries";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("admin.tabs");
  return { title: t("chains") };
}

export default async function AdminChainsPage() {
  const viewer = await requireViewer();
  // The layout answers 404 too, but pages render alongside it.
  if (viewer.role !== "admin") notFound();
  const db = await getDb();
  const [chains, t, locale] = await Promise.all([listChainsForAdmin(db, viewer), getTranslations("admin"), getLocale()]);
  const nameFields = (zh = "", en = "") => [
    { name: "nameZh", label: t("nameZh"), defaultValue: zh },
    { name: "nameEn", label: t("nameEn"), defaultValue: en },
  ];
  const codeField = { name: "code", label: t("code"), hint: t("codeHint") };

  return (
    <ClientMessages namespaces={["admin", "enterpriseForm.conflict"]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("tabs.chains")}</h1>
        {chains.map((chain, ci) => {
          const name = primaryName(chain, locale).first;
          return (
            <section key={chain.id} aria-label={name} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">{name} <span className="text-sm font-normal text-slate-500">{chain.code}</span></h2>
                <span className="flex gap-2">
                  <MoveButtons kind="chain" id={chain.id} name={name} first={ci === 0} last={ci === chains.length - 1} />
                  <DeleteChainItem kind="chain" id={chain.id} version={chain.version} name={name} />
                </span>
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">{t("rename")}</summary>
                <AdminForm id={`chain-${chain.id}`} title={`${t("rename")} ${name}`} run={renameChainItem} hidden={{ kind: "chain", id: chain.id }} version={chain.version} fields={nameFields(chain.nameZh, chain.nameEn)} submit={t("save")} className="pt-2" />
              </details>
              {chain.nodes.length === 0 ? <p className="text-sm text-slate-600">{t("chains.noNodes")}</p> : null}
              <ol className="divide-y divide-slate-100">
                {chain.nodes.map((node, ni) => {
                  const nodeName = primaryName(node, locale).first;
                  return (
                    <li key={node.id} aria-label={nodeName} className="space-y-1 py-2">
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <span>{nodeName} <span className="text-xs text-slate-500">{node.code}</span></span>
                        <span className="flex gap-2">
                          <MoveButtons kind="node" id={node.id} name={nodeName} first={ni === 0} last={ni === chain.nodes.length - 1} />
                          <DeleteChainItem kind="node" id={node.id} version={node.version} name={nodeName} />
                        </span>
                      </div>
                      <details>
                        <summary className="cursor-pointer text-sm text-brand-700">{t("rename")}</summary>
                        <AdminForm id={`node-${node.id}`} title={`${t("rename")} ${nodeName}`} run={renameChainItem} hidden={{ kind: "node", id: node.id }} version={node.version} fields={nameFields(node.nameZh, node.nameEn)} submit={t("save")} className="pt-2" />
                      </details>
                    </li>
                  );
                })}
              </ol>
              <AdminForm id={`new-node-${chain.id}`} title={t("chains.newNode", { chain: name })} run={createChainItem} hidden={{ kind: "node", chainId: chain.id }} fields={[codeField, ...nameFields()]} submit={t("chains.add")} className="rounded-md bg-slate-50 p-3" />
            </section>
          );
        })}
        <section aria-labelledby="new-chain" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-chain" className="text-lg font-semibold">{t("chains.newChain")}</h2>
          <AdminForm id="new-chain-form" title={t("chains.newChain")} run={createChainItem} hidden={{ kind: "chain" }} fields={[codeField, ...nameFields()]} submit={t("chains.add")} />
        </section>
      </div>
    </ClientMessages>
  );
}
