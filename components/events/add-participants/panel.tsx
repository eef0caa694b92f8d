"use client";

import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { Button, buttonClass } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { PARTICIPANT_ROLES } from "@/db/enums";
import { addParticipants } from "@/lib/events/actions/add-participants";
import type { ParticipantOutcome } from "@/lib/events/participants";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { readParticipantCsv, readParticipantLines, type ReadList, stageListRows, type UnusableRow } from "@/lib/events/participant-csv";
import { lookupEnterprises, MAX_LINES, newRow, parseLine, type Role, rowKey, type StagedRow, toPayload, toStagedRows } from "./staged";
import { StagedRowView } from "./staged-row";

/**
 * Collects participants before adding them in one go: picked by search, matched from a pasted
 * list or a CSV file, or typed as new enterprises. Rows the server holds back stay here with
 * the reason, so nothing typed is lost.
 */
export function AddParticipantsPanel({ eventId }: { eventId: string }) {
  const t = useTranslations("events.add");
  const roleName = useTranslations("events.roles");
  const tc = useTranslations("common");
  const [rows, setRows] = useState<StagedRow[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const [role, setRole] = useState<Role>("attendee");
  const [list, setList] = useState("");
  const [matching, setMatching] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [unusable, setUnusable] = useState<UnusableRow[]>([]);
  // Rows the server held back stay staged, with their reason, and the message says how many.
  const { notice, setNotice, pending, run } = useActionForm({
    action: addParticipants,
    success: (data) => {
      const done = rows.length - heldBack(rows, data.outcomes).length;
      return done > 0 ? t("added", { count: done }) : null;
    },
    onSuccess: (data) => {
      const held = heldBack(rows, data.outcomes);
      setRows(held);
      if (held.length > 0) setNotice({ tone: "error", text: t("heldBack", { count: held.length }) });
    },
  });
  const message = notice?.text ?? null;
  const fileRef = useRef<HTMLInputElement>(null);

  // A role typed in the list may be the key or its name in either language.
  const roleOf = useMemo(() => {
    const names = new Map<string, Role>();
    for (const r of PARTICIPANT_ROLES) {
      names.set(r, r);
      names.set(roleName(r).toLowerCase(), r);
    }
    for (const [zh, r] of Object.entries(ZH_ROLES)) names.set(zh, r);
    return (text: string) => names.get(text.toLowerCase());
  }, [roleName]);

  const staged = (id: string) => rows.some((r) => r.kind === "existing" && r.enterprise.id === id);

  /**
   * Matches the rows of a list or file to the enterprises in Landfall and stages them, matched
   * or new. Rows that cannot be used are listed with their reason; nothing is dropped silently.
   */
  async function stageList(read: ReadList, source: "list" | "file") {
    if (read.tooMany) return setListError(t("listTooLong", { max: MAX_LINES }));
    if (read.rows.length === 0 && read.unusable.length === 0) return setListError(t(source === "list" ? "listEmpty" : "csvEmpty"));
    setListError(null);
    setUnusable(read.unusable);
    setMatching(true);
    try {
      const matches = toStagedRows(await stageListRows(read.rows, lookupEnterprises));
      setRows((current) => [...current, ...matches.filter((m) => m.kind === "new" || !current.some((c) => c.kind === "existing" && c.enterprise.id === m.enterprise.id))]);
      if (source === "list") setList("");
    } catch {
      setListError(t("matchFailed"));
    } finally {
      setMatching(false);
    }
  }

  function stagePasted(text: string) {
    const lines = text
      .split(/\r?\n/)
      .map((line, i) => ({ ...parseLine(line, roleOf, role), line: i + 1 }))
      .filter((l) => l.name !== "");
    return stageList(readParticipantLines(lines), "list");
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    let read: ReadList;
    try {
      read = readParticipantCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())).text, roleOf, role);
    } catch {
      setListError(t("csvFailed"));
      return;
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
    await stageList(read, "file");
  }

  function submit() {
    if (rows.length === 0) return;
    run({ eventId, rows: rows.map(toPayload) }, null);
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <EnterprisePicker
            key={pickerKey}
            name="pick"
            label={t("search")}
            onChange={(picked) => {
              if (!picked) return;
              if (!staged(picked.id)) setRows((r) => [...r, { key: rowKey(), role, kind: "existing", enterprise: picked }]);
              setPickerKey((k) => k + 1);
            }}
          />
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">{t("defaultRole")}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} className="block w-full rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 sm:text-sm">
              {PARTICIPANT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          </label>
          <Button variant="secondary" onClick={() => setRows((r) => [...r, newRow("", role)])}>
            {t("addNew")}
          </Button>
        </div>
        <div className="space-y-2">
          <label htmlFor={`list-${eventId}`} className="block text-sm font-medium text-slate-800">
            {t("paste")}
          </label>
          <textarea
            id={`list-${eventId}`}
            rows={5}
            value={list}
            onChange={(e) => setList(e.target.value)}
            aria-describedby={`list-${eventId}-hint list-${eventId}-error`}
            className="block w-full rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 sm:text-sm"
          />
          <p id={`list-${eventId}-hint`} className="text-xs text-slate-500">
            {t("pasteHint")}
          </p>
          <p id={`list-${eventId}-error`} aria-live="polite" className="text-sm text-red-700">
            {listError}
          </p>
          <UnusableRows rows={unusable} onDismiss={() => setUnusable([])} />
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={() => stagePasted(list)} disabled={matching} aria-busy={matching}>
              {matching ? t("matching") : t("match")}
            </Button>
            <label className={buttonClass("ghost", "cursor-pointer")}>
              {t("csv")}
              <input
                ref={fileRef}
                type="file"
                accept=".csv,text/csv"
                className="sr-only"
                aria-describedby={`list-${eventId}-csv-hint`}
                onChange={(e) => onFile(e.target.files?.[0])}
              />
            </label>
          </div>
          <p id={`list-${eventId}-csv-hint`} className="text-xs text-slate-500">
            {t("csvHint")}
          </p>
        </div>
      </div>

      {message ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {message}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <section aria-label={t("stagedTitle")} className="space-y-2">
          <h3 className="text-sm font-semibold">{t("stagedTitle")}</h3>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 px-3">
            {rows.map((row, i) => (
              <StagedRowView
                key={row.key}
                row={row}
                index={i}
                onChange={(next) => setRows((all) => all.map((r) => (r.key === row.key ? next : r)))}
                onRemove={() => setRows((all) => all.filter((r) => r.key !== row.key))}
              />
            ))}
          </ul>
          <div className="flex justify-end">
            <button type="button" onClick={submit} disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
              {pending ? tc("adding") : t("submit", { count: rows.length })}
            </button>
          </div>
        </section>
      ) : (
        <p className="text-sm text-slate-500">{t("nothingStaged")}</p>
      )}
    </div>
  );
}

// Chinese role names people type in lists, beyond the catalogue's own labels.
const ZH_ROLES: Record<string, Role> = { 主办: "host", 主办方: "host", 本地: "local", 本地企业: "local", 外地: "foreign", 外资: "foreign", 参会: "attendee", 嘉宾: "speaker", 演讲: "speaker" };

/** The rows the server did not add, each with its reason; added, revived and present ones leave. */
function heldBack(sent: StagedRow[], outcomes: ParticipantOutcome[]): StagedRow[] {
  return sent.flatMap((row, i): StagedRow[] => {
    const o = outcomes[i];
    if (o?.status === "similar") return [{ ...row, problem: { similar: o.similar } }];
    if (o?.status === "refused") return [{ ...row, problem: { reason: o.reason } }];
    return [];
  });
}

/** The rows of the last list or file that were not staged, each with its row number and why. */
function UnusableRows({ rows, onDismiss }: { rows: UnusableRow[]; onDismiss: () => void }) {
  const t = useTranslations("events.add");
  // Root keys: events.add, validation (why a row cannot be used)
  const tRoot = useTranslations();
  return (
    <div aria-live="polite">
      {rows.length > 0 ? (
        <section aria-labelledby="unusable-title" className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <h4 id="unusable-title" className="font-medium">
            {t("unusableTitle", { count: rows.length })}
          </h4>
          <ul className="ml-4 list-disc">
            {rows.map((r) => (
              <li key={r.row}>
                {r.name ? t("unusableRowNamed", { row: r.row, name: r.name }) : t("unusableRow", { row: r.row })} {tRoot(r.reason as never)}
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss} className="text-sm font-medium text-amber-900 underline">
            {t("unusableDismiss")}
          </button>
        </section>
      ) : null}
    </div>
  );
}
