"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-core";
import { importEnterprises, previewImport } from "@/lib/enterprises/actions/import-enterprises";
import { chunkRows, guessMapping, type ImportField, type ImportRow, mapRecords } from "@/lib/enterprises/import/fields";
import { countStatuses, type ImportRowResult, markInFileDuplicates } from "@/lib/enterprises/import/report";
import { FileStep } from "./file-step";
import { ImportReport } from "./import-report";
import { MappingStep } from "./mapping-step";
import { ProgressBar } from "./progress-bar";
import type { LoadedFile } from "./types";

type Phase =
  | { step: "file" }
  | { step: "map"; error: string | null }
  | { step: "checking"; done: number; total: number }
  | { step: "report" }
  | { step: "importing"; done: number; total: number }
  | { step: "stopped"; done: number; total: number; message: string }
  | { step: "done" };

const STEPS = ["file", "map", "check", "import"] as const;
const STEP_OF: Record<Phase["step"], (typeof STEPS)[number]> = {
  file: "file",
  map: "map",
  checking: "map",
  report: "check",
  importing: "import",
  stopped: "import",
  done: "import",
};

/** The import, step by step: file → columns → dry run report → import with progress → summary. */
export function ImportWizard() {
  const t = useTranslations("import");
  const [phase, setPhase] = useState<Phase>({ step: "file" });
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [results, setResults] = useState<ImportRowResult[]>([]);
  // The import's chunks and how far it got, so an interrupted import continues where it stopped.
  const plan = useRef<{ chunks: ImportRow[][]; next: number; sent: number; total: number }>({ chunks: [], next: 0, sent: 0, total: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);

  const busy = phase.step === "checking" || phase.step === "importing";
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  async function call<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    try {
      return await run();
    } catch {
      return { ok: false, message: t("unreachable") };
    }
  }

  function loaded(f: LoadedFile) {
    setFile(f);
    setMapping(guessMapping(f.headers, f.records.slice(0, 20).map((r) => r.cells)));
    setPhase({ step: "map", error: null });
  }

  async function check() {
    if (!file) return;
    const rows = mapRecords(file.records, mapping);
    let checked: ImportRowResult[] = [];
    setPhase({ step: "checking", done: 0, total: rows.length });
    for (const chunk of chunkRows(rows)) {
      const result = await call(() => previewImport({ rows: chunk }));
      if (!result.ok) return setPhase({ step: "map", error: result.message });
      checked = checked.concat(result.data.results);
      setPhase({ step: "checking", done: checked.length, total: rows.length });
    }
    // Each chunk was checked on its own: rows repeated across chunks are found here.
    setResults(markInFileDuplicates(checked));
    plan.current = { chunks: [], next: 0, sent: 0, total: 0 };
    setPhase({ step: "report" });
  }

  async function runImport() {
    if (!file) return;
    if (plan.current.chunks.length === 0) {
      const fresh = new Set(results.filter((r) => r.status === "new").map((r) => r.row));
      const rows = mapRecords(file.records, mapping).filter((r) => fresh.has(r.row));
      plan.current = { chunks: chunkRows(rows), next: 0, sent: 0, total: rows.length };
    }
    const p = plan.current;
    let merged = results;
    setPhase({ step: "importing", done: p.sent, total: p.total });
    for (; p.next < p.chunks.length; p.next++) {
      const chunk = p.chunks[p.next]!;
      const result = await call(() => importEnterprises({ rows: chunk }));
      if (!result.ok) return setPhase({ step: "stopped", done: p.sent, total: p.total, message: result.message });
      const byRow = new Map(result.data.results.map((r) => [r.row, r]));
      merged = merged.map((r) => byRow.get(r.row) ?? r);
      setResults(merged);
      p.sent += chunk.length;
      setPhase({ step: "importing", done: p.sent, total: p.total });
    }
    const created = countStatuses(merged).created;
    toast.success(t("done.toast", { count: created }));
    setPhase({ step: "done" });
    headingRef.current?.focus();
  }

  function restart() {
    setFile(null);
    setResults([]);
    setPhase({ step: "file" });
  }

  const counts = countStatuses(results);
  const current = STEP_OF[phase.step];
  return (
    <div className="space-y-4">
      <ol aria-label={t("steps.label")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === current ? "step" : undefined} className={s === current ? "font-semibold text-brand-700" : "text-slate-500"}>
            {i + 1}. {t(`steps.${s}`)}
          </li>
        ))}
      </ol>

      {phase.step === "file" ? <FileStep onLoaded={loaded} /> : null}

      {file && phase.step === "map" ? (
        <MappingStep file={file} mapping={mapping} onChange={setMapping} onCheck={check} onCancel={restart} error={phase.error} />
      ) : null}

      {phase.step === "checking" ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <ProgressBar label={t("checking", { done: phase.done, total: phase.total })} done={phase.done} total={phase.total} />
        </section>
      ) : null}

      {file && (phase.step === "report" || phase.step === "importing" || phase.step === "stopped") ? (
        <section aria-labelledby="report-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="report-title" className="text-lg font-semibold">
            {t("report.title")}
          </h2>
          {phase.step === "report" ? <p className="text-sm text-slate-600">{t("report.nothingSaved")}</p> : null}
          {phase.step === "importing" ? <ProgressBar label={t("importing", { done: phase.done, total: phase.total })} done={phase.done} total={phase.total} /> : null}
          {phase.step === "stopped" ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("stopped", { done: phase.done, total: phase.total, message: phase.message })}
            </p>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {phase.step === "report" ? (
              <Button variant="secondary" onClick={() => setPhase({ step: "map", error: null })}>
                {t("back")}
              </Button>
            ) : null}
            {counts.new === 0 && phase.step === "report" ? (
              <p className="text-sm text-slate-600 sm:mr-auto sm:self-center">{t("nothingToImport")}</p>
            ) : (
              <Button onClick={runImport} disabled={phase.step === "importing"} aria-busy={phase.step === "importing"}>
                {phase.step === "stopped" ? t("resume") : t("importButton", { count: counts.new })}
              </Button>
            )}
          </div>
          <ImportReport results={results} statuses={counts.created > 0 ? ["new", "created", "duplicate", "invalid"] : ["new", "duplicate", "invalid"]} fileName={file.name} />
        </section>
      ) : null}

      {file && phase.step === "done" ? (
        <section aria-labelledby="done-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="done-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            {t("done.title")}
          </h2>
          <p role="status">{t("done.summary", { created: counts.created, duplicate: counts.duplicate, invalid: counts.invalid })}</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Link href="/enterprises" className={buttonClass("primary")}>
              {t("done.toList")}
            </Link>
            <Button variant="secondary" onClick={restart}>
              {t("done.again")}
            </Button>
          </div>
          <ImportReport results={results} statuses={["created", "duplicate", "invalid"]} fileName={file.name} />
        </section>
      ) : null}
    </div>
  );
}
