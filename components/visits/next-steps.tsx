"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ScopedField } from "@/components/follow-ups/field";
import { FOLLOW_UP_KINDS } from "@/db/enums";
import { CONTROL, type Person, personName } from "./form-bits";

interface Props {
  people: Person[];
  viewerId: string;
  today: string;
  defaultDue: string;
  errors: Record<string, string[] | undefined>;
  /** Called when rows move, so errors keyed by a row's index can be dropped. */
  onRowsChange: () => void;
}

/**
 * Repeatable next-step rows; each becomes a follow-up when the visit is saved. Inputs are
 * uncontrolled and named by position (`steps.0.title`), so removing a row renumbers the rest.
 */
export function NextSteps({ people, viewerId, today, defaultDue, errors, onRowsChange }: Props) {
  const t = useTranslations("visits.steps");
  const kindName = useTranslations("followUps.kinds");
  const [rows, setRows] = useState<number[]>([]);
  const nextKey = useRef(0);
  const listRef = useRef<HTMLOListElement>(null);

  function add() {
    const key = nextKey.current++;
    setRows((r) => [...r, key]);
    onRowsChange();
    // The new row's first field, so typing can start at once.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>(`[data-row="${key}"] input`)?.focus());
  }
  function remove(key: number) {
    setRows((r) => r.filter((k) => k !== key));
    onRowsChange();
  }

  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold text-slate-900">{t("legend")}</legend>
      <p className="text-sm text-slate-500">{t("hint")}</p>
      <ol ref={listRef} className="space-y-3">
        {rows.map((key, i) => {
          const field = (name: string) => `steps.${i}.${name}`;
          const id = (name: string) => `step-${key}-${name}`;
          return (
            <li key={key} data-row={key} aria-label={t("row", { n: i + 1 })} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
              <ScopedField id={id("title")} name={field("title")} label={t("title")} errors={errors[field("title")]}>
                {(p) => <input {...p} className={CONTROL} type="text" maxLength={300} autoComplete="off" />}
              </ScopedField>
              <div className="grid gap-3 sm:grid-cols-3">
                <ScopedField id={id("kind")} name={field("kind")} label={t("kind")} errors={errors[field("kind")]}>
                  {(p) => (
                    <select {...p} className={CONTROL} defaultValue="call">
                      {FOLLOW_UP_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {kindName(k)}
                        </option>
                      ))}
                    </select>
                  )}
                </ScopedField>
                <ScopedField id={id("dueOn")} name={field("dueOn")} label={t("dueOn")} errors={errors[field("dueOn")]}>
                  {(p) => <input {...p} className={CONTROL} type="date" min={today} defaultValue={defaultDue} />}
                </ScopedField>
                <ScopedField id={id("assigneeId")} name={field("assigneeId")} label={t("assignee")} errors={errors[field("assigneeId")]}>
                  {(p) => (
                    <select {...p} className={CONTROL} defaultValue={viewerId}>
                      {people.map((person) => (
                        <option key={person.id} value={person.id}>
                          {personName(person)}
                        </option>
                      ))}
                    </select>
                  )}
                </ScopedField>
              </div>
              <button
                type="button"
                onClick={() => remove(key)}
                className="min-h-11 rounded-md px-3 text-sm font-medium text-red-700 hover:bg-red-50"
              >
                {t("remove", { n: i + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={add}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-md border border-dashed border-brand-600 px-4 text-base font-medium text-brand-700 hover:bg-brand-50 sm:w-auto sm:text-sm"
      >
        + {t("add")}
      </button>
    </fieldset>
  );
}
