import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PipelineBoard } from "@/components/pipeline/board";
import { PipelineExportLinks } from "@/components/pipeline/export-links";
import { PipelineFilterBar } from "@/components/pipeline/filters";
import { PipelineList } from "@/components/pipeline/list";
import { pipelineQuery } from "@/components/pipeline/query";
import { QueryIsland } from "@/components/query-island";
import { getReadDb } from "@/lib/read-db";
import { requireViewer } from "@/lib/auth/session";
import { getPipeline } from "@/lib/projects/board-queries";
import { parsePipelineFilters, pipelineSearch } from "@/lib/projects/filters";
import { listChainsWithNodes, listPeople, listTeams } from "@/lib/reference/queries";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("pipeline");
  return { title: t("title") };
}

export default async function PipelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = parsePipelineFilters(await searchParams);
  const db = await getReadDb();
  const [data, teams, chains, people, t] = await Promise.all([
    getPipeline(db, viewer, filters),
    listTeams(db),
    listChainsWithNodes(db),
    listPeople(db),
    getTranslations("pipeline"),
  ]);
  // The board's data goes to the browser's query cache, where the board and the list read it. It
  // replaces what the cache holds only when newer, so going back to a board keeps its loaded pages.
  const queryClient = new QueryClient();
  queryClient.setQueryData(pipelineQuery(filters).queryKey, data);
  const tab = (view: "board" | "list") =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${filters.view === view ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`;

  return (
    <ClientMessages namespaces={["pipeline", "projects.form", "projects.money", "projects.signing", "projects.stages", "projects.statuses"]}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <nav aria-label={t("views")} className="flex gap-1">
            <Link href={`/pipeline${pipelineSearch({ ...filters, view: "board" })}`} aria-current={filters.view === "board" ? "page" : undefined} className={tab("board")}>
              {t("boardView")}
            </Link>
            <Link href={`/pipeline${pipelineSearch({ ...filters, view: "list" })}`} aria-current={filters.view === "list" ? "page" : undefined} className={tab("list")}>
              {t("listView")}
            </Link>
          </nav>
        </div>
        <PipelineFilterBar filters={filters} teams={teams} chains={chains} people={people} />
        {/* The board names its totals' unit itself, above its columns. */}
        {filters.view === "list" ? <p className="text-sm text-slate-600">{t("totalsNote")}</p> : viewer.role !== "viewer" ? <p className="text-sm text-slate-600">{t("hint")}</p> : null}
        {filters.view === "list" ? <PipelineExportLinks search={pipelineSearch(filters, { withView: false })} /> : null}
        <QueryIsland>
          <HydrationBoundary state={dehydrate(queryClient)}>
            {filters.view === "list" ? <PipelineList filters={filters} /> : <PipelineBoard filters={filters} />}
          </HydrationBoundary>
        </QueryIsland>
      </div>
    </ClientMessages>
  );
}
