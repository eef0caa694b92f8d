import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { getDb } from "@/db";
import { createExchangeRate } from "@/lib/admin/actions/reference-data";
import { listExchangeRatesForAdmin } from "@/lib/admin/queries";
import { requireViewer } from "@/lib/auth/session";
import { CURRENCIES } from "@/lib/money";
import { shanghaiInstant } from "@/lib/time";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("admin.tabs");
  return { title: t("rates") };
}

export default async function AdminRatesPage() {
  const viewer = await requireViewer();
  // The layout answers 404 too, but pages render alongside it.
  if (viewer.role !== "admin") notFound();
  const db = await getDb();
  const [rows, t, format] = await Promise.all([listExchangeRatesForAdmin(db, viewer), getTranslations("admin"), getFormatter()]);
  return (
    <ClientMessages namespaces={["admin", "enterpriseForm.conflict"]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("tabs.rates")}</h1>
        <section aria-labelledby="new-rate" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-rate" className="text-lg font-semibold">{t("rates.new")}</h2>
          <AdminForm
            id="new-rate-form"
            title={t("rates.new")}
            run={createExchangeRate}
            fields={[
              { name: "currency", label: t("rates.currency"), type: "select", defaultValue: "USD", options: CURRENCIES.filter((c) => c !== "CNY").map((c) => ({ value: c, label: c })) },
              { name: "validFrom", label: t("rates.validFrom"), type: "date" },
              { name: "rateToCny", label: t("rates.rate"), hint: t("rates.rateHint"), inputMode: "decimal" },
            ]}
            submit={t("save")}
          />
        </section>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("rates.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("rates.currency")}</th>
                  <th scope="col" className="px-3 py-2">{t("rates.validFrom")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("rates.rate")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="px-3 py-2">{r.currency}</td>
                    <td className="px-3 py-2">{format.dateTime(shanghaiInstant(r.validFrom), { dateStyle: "medium" })}</td>
                    {/* The stored decimal as is: formatting it as a number would round it. */}
                    <td className="px-3 py-2 text-right tabular-nums">{r.rateToCny}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </ClientMessages>
  );
}
