import { parsePipelineFilters } from "@/lib/projects/filters";
import { listExportRoute } from "@/lib/xlsx/response";
import { pipelineSheet } from "./pipeline-export";

export const dynamic = "force-dynamic";

/** The pipeline list under the filters of its query string, as CSV (the default) or .xlsx (`format=xlsx`). */
export const GET = listExportRoute("pipeline", "pipeline", ({ db, viewer, params, t, locale }) => pipelineSheet({ db, viewer, filters: parsePipelineFilters(params), t, locale }));
