import type { Db } from "@/db";
import { chainNodes, industrialChains } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { makeTeam, makeViewer } from "./fixtures";

export interface TwoTeams {
  teamA: string;
  teamB: string;
  people: { staffA: Viewer; staffA2: Viewer; managerA: Viewer; staffB: Viewer; managerB: Viewer; admin: Viewer };
  chain: string;
  otherChain: string;
  /** Two nodes of `chain`, then one of `otherChain`. */
  nodes: string[];
}

/**
 * Two teams, each with staff and a manager (team A has two staff), an admin, and two industrial
 * chains with three nodes: the people and reference data the summaries' property tests write as.
 */
export async function makeTwoTeams(db: Db): Promise<TwoTeams> {
  const teamA = (await makeTeam(db)).id;
  const teamB = (await makeTeam(db)).id;
  const people = {
    staffA: await makeViewer(db, "staff", teamA),
    staffA2: await makeViewer(db, "staff", teamA),
    managerA: await makeViewer(db, "manager", teamA),
    staffB: await makeViewer(db, "staff", teamB),
    managerB: await makeViewer(db, "manager", teamB),
    admin: await makeViewer(db, "admin"),
  };
  const [c1, c2] = await db
    .insert(industrialChains)
    .values([
      { code: "nev", nameZh: "新能源汽车", nameEn: "NEV" },
      { code: "storage", nameZh: "新型储能", nameEn: "Storage" },
    ])
    .returning();
  const rows = await db
    .insert(chainNodes)
    .values([
      { chainId: c1!.id, code: "battery", nameZh: "动力电池", nameEn: "Battery" },
      { chainId: c1!.id, code: "motor", nameZh: "驱动电机", nameEn: "Motor" },
      { chainId: c2!.id, code: "cells", nameZh: "电芯", nameEn: "Cells" },
    ])
    .returning();
  return { teamA, teamB, people, chain: c1!.id, otherChain: c2!.id, nodes: rows.map((r) => r.id) };
}
