import { useTranslations } from "next-intl";

/** The pipeline list's downloads: every project under the current filters, as CSV or Excel. */
export function PipelineExportLinks({ search }: { search: string }) {
  const t = useTranslations("export");
  const href = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
    params.set("format", format);
    return `/api/pipeline/export?${params.toString()}`;
  };
  const link = "inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline sm:min-h-0";
  return (
    <p className="flex flex-wrap gap-x-4 text-sm" title={t("pipelineHint")}>
      <a href={href("csv")} download className={link}>
        {t("pipelineCsv")}
      </a>
      <a href={href("xlsx")} download className={link}>
        {t("pipelineXlsx")}
      </a>
    </p>
  );
}
