import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/delegations/print-button";
import { getDelegation } from "@/lib/delegations/queries";
import { stopView } from "@/lib/delegations/stop-view";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordPage } from "@/lib/record-page";

// Outside the app shell on purpose: the leader's printout carries the itinerary and nothing else.
const PRINT_CSS = `@media print { @page { size: A4; margin: 15mm; } body { background: #fff; font-size: 10.5pt; } a { color: inherit; text-decoration: none; } thead { display: table-header-group; } tr { break-inside: avoid; } }`;

// Metadata and page share one read per request.
const load = recordPage(getDelegation);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await load((await params).id);
  return { title: detail.delegation.name };
}

export default async function PrintItineraryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { detail } = await load(id);
  const [t, dir, locale] = await Promise.all([getTranslations("delegations"), getTranslations("delegations.directions"), getLocale()]);
  const d = detail.delegation;
  const stops = detail.stops.filter((s) => s.status !== "cancelled").map((s) => stopView(s, locale));
  const members = detail.members.map((m) => [m.userId ? (m.userName ?? m.userEmail) : m.name, m.title, m.organisation].filter(Boolean).join(" · "));

  return (
    <ClientMessages namespaces={["delegations.print"]}>
      <main className="mx-auto max-w-3xl space-y-6 bg-white p-6 text-slate-900 print:max-w-none print:p-0">
        <style>{PRINT_CSS}</style>
        <div className="flex items-center justify-between gap-3 print:hidden">
          <Link href={`/delegations/${id}`} className="text-sm text-brand-700 hover:underline">
            ← {t("print.back")}
          </Link>
          <PrintButton />
        </div>
        <header className="space-y-1 border-b border-slate-300 pb-3">
          <p className="text-sm text-slate-600">
            {t("print.heading")} · {dir(d.direction)}
          </p>
          <h1 className="text-2xl font-semibold">{d.name}</h1>
          <p className="text-sm">
            {d.endsOn === d.startsOn ? d.startsOn : `${d.startsOn} – ${d.endsOn}`}
            {d.destination ? ` · ${d.destination}` : ""}
          </p>
          {d.leaderName ? <p className="text-sm">{t("print.leader", { name: [d.leaderName, d.leaderTitle].filter(Boolean).join(" · ") })}</p> : null}
        </header>
        {d.purpose ? <p className="text-sm whitespace-pre-line">{d.purpose}</p> : null}
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-left text-lg font-semibold">{t("sections.itinerary")}</caption>
          <thead>
            <tr className="border-b border-slate-400 text-left">
              <th scope="col" className="w-8 py-1 pr-2">#</th>
              <th scope="col" className="py-1 pr-2">{t("print.when")}</th>
              <th scope="col" className="py-1 pr-2">{t("print.what")}</th>
              <th scope="col" className="py-1">{t("print.where")}</th>
            </tr>
          </thead>
          <tbody>
            {stops.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-2 text-slate-500">{t("stops.empty")}</td>
              </tr>
            ) : (
              stops.map((s, i) => (
                <tr key={s.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-2">{i + 1}</td>
                  <td className="py-2 pr-2">
                    <time dateTime={s.at} className="sm:whitespace-nowrap">
                      {s.when}
                      {s.zone ? ` ${s.zone}` : null}
                    </time>
                    {s.beijing ? <p className="text-slate-600 sm:whitespace-nowrap">{t("stops.beijingTime", { time: s.beijing })}</p> : null}
                  </td>
                  <td className="py-2 pr-2">
                    <p className="font-medium">{s.subject}</p>
                    {s.eventName && s.eventName !== s.subject ? <p>{s.eventName}</p> : null}
                    {s.note ? <p className="whitespace-pre-line text-slate-600">{s.note}</p> : null}
                  </td>
                  <td className="py-2">
                    {s.place}
                    {s.contactName || s.contactPhone ? (
                      <p className="mt-1" data-testid="stop-contact">
                        <span className="text-slate-600">{t("print.contact")}</span> {s.contactName}
                        {s.contactName && s.contactPhone ? " · " : null}
                        {s.contactPhone ? <span className="sm:whitespace-nowrap">{s.contactPhone}</span> : null}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        {members.length > 0 ? (
          <section className="space-y-1 text-sm">
            <h2 className="text-lg font-semibold">{t("sections.members")}</h2>
            <ul className="list-disc pl-5">
              {members.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </ClientMessages>
  );
}
