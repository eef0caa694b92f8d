// The screens the benchmark times, each twice: as an HTTP request to the running app with a
// real session, and as the data-access calls the page makes (the same functions, with the same
// arguments and in the same order), from which the bare-SQL floor is captured.
import type { Db } from "@/db";
import { runAction } from "@/lib/action-core";
import { viewerForSession } from "@/lib/auth/session-lookup";
import { sessionPolicy } from "@/lib/auth/session-policy";
import type { Viewer } from "@/lib/auth/viewer";
import { listLinkableDelegations } from "@/lib/delegations/queries";
import {
  getEnterpriseDetail, listEnterpriseChainNodes, listEnterpriseContacts, listEnterpriseDelegations, listEnterpriseEvents,
  listEnterpriseProjects,
} from "@/lib/enterprises/detail-queries";
import { parseEnterpriseFilters } from "@/lib/enterprises/filters";
import { countEnterprises, listEnterprises } from "@/lib/enterprises/queries";
import { listEnterpriseTimeline } from "@/lib/enterprises/timeline";
import { findEventsToLink } from "@/lib/events/queries";
import { shanghaiDay } from "@/lib/time";
import { listFollowUpsFor, listMyDay } from "@/lib/follow-ups/queries";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { getPipeline } from "@/lib/projects/board-queries";
import { parsePipelineFilters } from "@/lib/projects/filters";
import { listTeamMembers } from "@/lib/projects/form-options";
import { listChainsWithNodes, listPeople, listTeams } from "@/lib/reference/queries";
import { parseReviewFilters } from "@/lib/review/filters";
import { loadReviewTable, REVIEW_TABLES, type Tr } from "@/lib/review/tables";
import { listSavedViews } from "@/lib/saved-views/queries";
import { getViewerTeamName } from "@/lib/teams/queries";

export type Role = "staff" | "manager";

export interface MoveTask {
  id: string;
  version: number;
  cookie: string;
  userId: string;
}

/** What a scenario's requests vary over: enterprise ids, or the projects moved. */
export interface Inputs {
  deepCursor: string;
  searchZh: string;
  searchLatin: string;
  enterpriseIds: string[];
  moveTasks: MoveTask[];
  moveActionId: string;
  /** The people the sessions belong to, by id. */
  viewers: Map<string, Viewer>;
}

export interface Phases {
  /** Runs the calls of one step of the page; the statements they send replay concurrently. */
  phase<T>(run: () => Promise<T>): Promise<T>;
}

export interface Scenario {
  id: string;
  label: string;
  role: Role;
  /** The k-th request: path, and for a server action its method, headers and body. */
  request(inputs: Inputs, k: number): { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
  /** How many distinct requests there are (a move can be made once per project). */
  limit?(inputs: Inputs): number;
  /** The page's data-access calls for the k-th request, grouped into the phases the page awaits. */
  calls(db: Db, viewer: Viewer, sessionToken: string, inputs: Inputs, k: number, p: Phases): Promise<void>;
}

const translate = ((key: string) => key) as unknown as Tr;

/** Every signed-in request reads its session row with the person (lib/auth/session-lookup.ts). */
async function signedIn(db: Db, token: string, _viewer: Viewer, p: Phases) {
  const viewer = await p.phase(() => viewerForSession(db, token, sessionPolicy({ SESSION_IDLE_MINUTES: 480, SESSION_MAX_HOURS: 12 })));
  if (!viewer) throw new Error("bench: the benchmark session was not accepted");
}

const layout = (db: Db, viewer: Viewer) => getViewerTeamName(db, viewer, viewer.locale === "en" ? "en" : "zh-CN");

function enterpriseList(id: string, label: string, params: (i: Inputs) => Record<string, string>): Scenario {
  return {
    id, label, role: "staff",
    request: (i) => ({ path: `/enterprises${Object.keys(params(i)).length ? `?${new URLSearchParams(params(i))}` : ""}` }),
    async calls(db, viewer, token, i, _k, p) {
      await signedIn(db, token, viewer, p);
      const query = params(i);
      const filters = parseEnterpriseFilters(query);
      await p.phase(() => Promise.all([
        layout(db, viewer),
        listEnterprises(db, viewer, { filters, after: query.after ?? null }),
        countEnterprises(db, viewer, filters),
        listChainsWithNodes(db), listTeams(db), listPeople(db), listSavedViews(db, viewer, "enterprises"),
      ]));
    },
  };
}

export const SCENARIOS: Scenario[] = [
  enterpriseList("list-first", "Enterprise list, first page", () => ({})),
  enterpriseList("list-deep", "Enterprise list, deep page (row 100,000)", (i) => ({ after: i.deepCursor })),
  enterpriseList("search-zh", "Search, two Chinese characters", (i) => ({ q: i.searchZh })),
  enterpriseList("search-latin", "Search, Latin prefix", (i) => ({ q: i.searchLatin })),
  {
    id: "enterprise", label: "Enterprise page with timeline", role: "staff",
    request: (i, k) => ({ path: `/enterprises/${i.enterpriseIds[k % i.enterpriseIds.length]}` }),
    async calls(db, viewer, token, i, k, p) {
      const id = i.enterpriseIds[k % i.enterpriseIds.length]!;
      await signedIn(db, token, viewer, p);
      await p.phase(() => Promise.all([layout(db, viewer), getEnterpriseDetail(db, viewer, id)]));
      await p.phase(() => Promise.all([
        listEnterpriseContacts(db, id), listEnterpriseChainNodes(db, id), listEnterpriseProjects(db, viewer, id),
        listEnterpriseEvents(db, id), listEnterpriseDelegations(db, id), listEnterpriseTimeline(db, viewer, id, { after: null }),
      ]));
      await p.phase(() => Promise.all([
        listFollowUpsFor(db, viewer, { enterpriseId: id }), listTeamMembers(db, viewer.teamId),
        findEventsToLink(db, "", 200), listLinkableDelegations(db, viewer, shanghaiDay()),
      ]));
    },
  },
  {
    id: "pipeline", label: "Pipeline board", role: "staff",
    request: () => ({ path: "/pipeline" }),
    async calls(db, viewer, token, _i, _k, p) {
      await signedIn(db, token, viewer, p);
      const filters = parsePipelineFilters({});
      await p.phase(() => Promise.all([layout(db, viewer), getPipeline(db, viewer, filters), listTeams(db), listChainsWithNodes(db), listPeople(db)]));
    },
  },
  {
    id: "my-day", label: "My day", role: "staff",
    request: () => ({ path: "/my-day" }),
    async calls(db, viewer, token, _i, _k, p) {
      await signedIn(db, token, viewer, p);
      await p.phase(() => Promise.all([layout(db, viewer), listMyDay(db, viewer, "me"), listTeamMembers(db, viewer.teamId)]));
    },
  },
  {
    id: "dashboard", label: "Manager dashboard (review)", role: "manager",
    request: () => ({ path: "/review" }),
    async calls(db, viewer, token, _i, _k, p) {
      await signedIn(db, token, viewer, p);
      const f = parseReviewFilters({});
      const ctx = { db, viewer, f, t: translate, locale: viewer.locale ?? "zh-CN" };
      await p.phase(() => Promise.all([layout(db, viewer), listTeams(db), listChainsWithNodes(db), ...REVIEW_TABLES.map((id) => loadReviewTable(ctx, id))]));
    },
  },
  {
    id: "move", label: "Stage move (server action)", role: "staff",
    limit: (i) => i.moveTasks.length,
    request(i, k) {
      // autocannon builds the next request before it knows the run is over: past the last task, repeat it (never sent).
      const task = i.moveTasks[Math.min(k, i.moveTasks.length - 1)];
      if (!task) throw new Error("bench: no project left to move; run `npm run seed:scale` again");
      return {
        path: "/pipeline", method: "POST",
        headers: { cookie: task.cookie, "next-action": i.moveActionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        body: JSON.stringify([{ id: task.id, version: task.version, toStage: "negotiating" }]),
      };
    },
    async calls(db, viewer, token, i, k, p) {
      const task = i.moveTasks[k]!;
      const mover = i.viewers.get(task.userId) ?? viewer;
      await signedIn(db, token, mover, p);
      await p.phase(async () => {
        const result = await runAction(moveProjectStage.definition, { viewer: mover, db, t: (key) => key }, { id: task.id, version: task.version, toStage: "negotiating" });
        if (!result.ok) throw new Error(`bench: capturing the stage move failed: ${result.message}`);
      });
    },
  },
];
