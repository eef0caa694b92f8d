import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { listChainsWithNodes, listPeople, listTeams } from "@/lib/reference/queries";
import { listSourceChoices, listTeamMembers } from "./form-options";

/** Everything the project form offers, for the caller: owners from their team (admins: anyone). */
export async function projectFormChoices(db: Db, viewer: Viewer, teamId: string | null) {
  const [chains, sources, teams, people] = await Promise.all([
    listChainsWithNodes(db),
    listSourceChoices(db),
    listTeams(db),
    viewer.role === "admin" ? listPeople(db) : listTeamMembers(db, teamId),
  ]);
  const withSelf = people.some((p) => p.id === viewer.id) ? people : [{ id: viewer.id, name: viewer.name, email: viewer.email }, ...people];
  return { chains, events: sources.events, delegations: sources.delegations, teams, people: withSelf, canChooseTeam: viewer.role === "admin" };
}
