import { getTranslations } from "next-intl/server";
import { RecordHistory } from "./record-history";

/** The history section of a record's page, with its words in the reader's language. */
export async function RecordHistorySection({ type, id }: { type: "project" | "event" | "delegation" | "visit"; id: string }) {
  const [t, tc] = await Promise.all([getTranslations("auditLog"), getTranslations("common")]);
  const labels = { title: t("history"), empty: t("historyEmpty"), error: t("historyError"), loading: tc("loading"), field: t("field"), before: t("before"), after: t("after") };
  return <RecordHistory type={type} id={id} labels={labels} />;
}
