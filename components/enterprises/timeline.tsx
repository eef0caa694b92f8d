import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { TIMELINE_MAX_SHOWN, TIMELINE_PAGE_SIZE, type TimelineItem, type TimelineKind } from "@/lib/enterprises/timeline";

// Where each kind of item leads; edits have no page of their own.
const ROUTES: Partial<Record<TimelineKind, string>> = {
  visit: "/visits",
  event: "/events",
  delegation: "/delegations",
  stop: "/delegations",
  followUp: "/projects",
  stage: "/projects",
};

const DATE_ONLY: TimelineKind[] = ["event", "delegation"];

// Keys here are built from data (kinds, stages, roles), so they are looked up untyped and
// checked with has() where the value may be one the catalogue does not know.
type T = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** The sentence that says what happened, in the reader's language. */
function describe(item: TimelineItem, t: T, locale: string): { title: string; lines: string[] } {
  const m = item.meta as Record<string, string | string[] | null | undefined>;
  const name = (locale === "en" ? (item.titleEn ?? item.titleZh) : (item.titleZh ?? item.titleEn)) ?? "";
  const known = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const lines: string[] = [];
  const push = (line: string | null | undefined) => {
    if (line) lines.push(line);
  };
  switch (item.kind) {
    case "visit":
      push(item.summary);
      if (m.outcome) push(t("enterpriseTimeline.visit.outcome", { outcome: String(m.outcome) }));
      return { title: name ? t("enterpriseTimeline.visit.titleAt", { place: name }) : t("enterpriseTimeline.visit.title"), lines };
    case "event":
      push(known(`enterpriseDetail.participantRoles.${m.role}`, String(m.role ?? "")));
      if (m.city) push(String(m.city));
      return { title: t("enterpriseTimeline.event.title", { name }), lines };
    case "delegation":
      push(known(`enterpriseDetail.directions.${m.direction}`, ""));
      push(item.summary);
      return { title: t("enterpriseTimeline.delegation.title", { name }), lines };
    case "stop":
      push([m.place, known(`enterpriseDetail.stopStatuses.${m.status}`, "")].filter(Boolean).join(" · "));
      push(item.summary);
      return { title: t("enterpriseTimeline.stop.title", { name }), lines };
    case "followUp":
      push(
        [known(`enterpriseDetail.followUpStatuses.${m.status}`, ""), m.dueOn ? t("enterpriseTimeline.followUp.due", { date: String(m.dueOn) }) : null]
          .filter(Boolean)
          .join(" · "),
      );
      push(item.summary);
      return { title: t("enterpriseTimeline.followUp.title", { title: name }), lines };
    case "stage": {
      const stage = (s: unknown) => known(`projects.stages.${s}`, String(s ?? ""));
      if (m.state && m.state !== "applied") push(known(`enterpriseTimeline.stage.states.${m.state}`, ""));
      push(item.summary);
      return {
        title: m.from
          ? t("enterpriseTimeline.stage.moved", { project: name, from: stage(m.from), to: stage(m.to) })
          : t("enterpriseTimeline.stage.started", { project: name, to: stage(m.to) }),
        lines,
      };
    }
    case "edit": {
      const action = String(m.action ?? "").replace(/\./g, "_");
      const fieldNs = m.entityType === "contact" ? "enterpriseContacts.fields" : "enterprises.fields";
      const fields = Array.isArray(m.fields) ? m.fields.map((f) => known(`enterpriseTimeline.fields.${f}`, known(`${fieldNs}.${f}`, f))) : [];
      if (fields.length) push(t("enterpriseTimeline.edit.fields", { fields: fields.join(locale === "en" ? ", " : "、") }));
      const key = `enterpriseTimeline.edit.actions.${action}`;
      return { title: t.has(key) ? t(key, { name }) : t("enterpriseTimeline.edit.other"), lines };
    }
  }
}

/**
 * The enterprise's history, newest first. "Load more" is a plain link that lists one page more
 * below the entries shown and lands on the first new one; past TIMELINE_MAX_SHOWN entries it
 * opens the next page on its own, with a link back to the newest.
 */
export async function Timeline({ enterpriseId, items, next, paged }: { enterpriseId: string; items: TimelineItem[]; next: string | null; paged: boolean }) {
  const [translate, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const t = translate as unknown as T;
  if (items.length === 0) {
    return <p className="text-sm text-slate-500">{paged ? t("enterpriseTimeline.noMore") : t("enterpriseTimeline.empty")}</p>;
  }
  return (
    <div className="space-y-4">
      <ol className="relative space-y-4 border-l border-slate-200 pl-4">
        {items.map((item, index) => {
          const { title, lines } = describe(item, t, locale);
          const route = ROUTES[item.kind];
          const href = route && item.refId ? `${route}/${item.refId}` : null;
          const when = DATE_ONLY.includes(item.kind)
            ? format.dateTime(item.at, { dateStyle: "medium" })
            : format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" });
          return (
            <li key={item.key} id={paged ? undefined : `timeline-${index}`} data-kind={item.kind} className="relative scroll-mt-20">
              <span aria-hidden className="absolute -left-[21.5px] top-1.5 size-2.5 rounded-full border-2 border-white bg-brand-600" />
              <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
                <time dateTime={item.at.toISOString()}>{when}</time>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700">{t(`enterpriseTimeline.kinds.${item.kind}`)}</span>
              </div>
              <p className="mt-0.5 font-medium break-words">
                {href ? (
                  <Link href={href} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </p>
              {lines.map((line, i) => (
                <p key={i} className="text-sm whitespace-pre-line break-words text-slate-700">
                  {line}
                </p>
              ))}
              {item.actorName ? <p className="text-xs text-slate-500">{t(`enterpriseTimeline.actor.${item.kind}`, { name: item.actorName })}</p> : null}
            </li>
          );
        })}
      </ol>
      <nav aria-label={t("enterpriseTimeline.pages")} className="flex flex-wrap gap-2">
        {paged ? (
          <Link href={`/enterprises/${enterpriseId}#timeline`} className={buttonClass("secondary")}>
            {t("enterpriseTimeline.newest")}
          </Link>
        ) : null}
        {next ? (
          <Link
            href={
              !paged && items.length + TIMELINE_PAGE_SIZE <= TIMELINE_MAX_SHOWN
                ? `/enterprises/${enterpriseId}?timeline=${items.length + TIMELINE_PAGE_SIZE}#timeline-${items.length}`
                : `/enterprises/${enterpriseId}?timeline=${next}#timeline`
            }
            scroll={false}
            className={buttonClass("secondary")}
          >
            {t("enterpriseTimeline.loadMore")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
