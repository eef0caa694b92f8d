import { shanghaiDateTimeInput } from "@/lib/time";

/** What the visit form shows. Plain data, so it can cross to the browser. */
export interface VisitFormValues {
  /** datetime-local value in Asia/Shanghai wall time. */
  occurredAt: string;
  place: string;
  summary: string;
  outcome: string;
  /** Our people, by user id. */
  ours: string[];
  /** Their people who are contacts, by contact id. */
  theirs: string[];
  /** Their people who are not contacts, by name, as the form's one line takes them. */
  theirsNew: string;
}

/** A saved visit and who attended, as the edit form shows them (also sent back with a conflict). */
export function visitFormValues(
  visit: { occurredAt: Date; place: string | null; summary: string | null; outcome: string | null },
  who: { ours: string[]; theirs: string[]; theirsNew: string[] },
): VisitFormValues {
  return {
    occurredAt: shanghaiDateTimeInput(visit.occurredAt),
    place: visit.place ?? "",
    summary: visit.summary ?? "",
    outcome: visit.outcome ?? "",
    ours: who.ours,
    theirs: who.theirs,
    theirsNew: who.theirsNew.join("、"),
  };
}
