import { listExportRoute } from "@/lib/xlsx/response";
import { enterpriseSheet } from "./enterprise-export";

export const dynamic = "force-dynamic";

/** The enterprise list, with the filters of its query string, as a CSV (`format=csv`, the default) or .xlsx download. */
export const GET = listExportRoute("enterprises", "enterprises", ({ db, viewer, params, t, locale }) => enterpriseSheet({ db, viewer, searchParams: params, t, locale }));
