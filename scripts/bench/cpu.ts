// CPU time of the processes under measurement, from /proc/<pid>/stat (Linux): utime and stime in
// clock ticks (`getconf CLK_TCK`, 100 a second on Linux, so one tick is 10 ms). A count taken
// before and after a run, divided by the requests of the run, is the CPU each request cost,
// however busy the rest of the machine was.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";

export const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Milliseconds of one clock tick: the resolution of every figure below. */
export const TICK_MS = 1000 / CLOCK_TICKS_PER_SECOND;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself. */
  own: number;
  /** cutime + cstime: the children it has waited for. */
  reaped: number;
}

/** Fields of /proc/<pid>/stat; undefined when the process is gone. */
function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses
  // ("next-server (v16.4.5)"): the fields after it start behind the last ")".
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state): field n is rest[n - 3].
  const field = (n: number) => Number(rest[n - 3]);
  return { pid, ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
}

function allPids(): number[] {
  return readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
}

/**
 * Ticks used so far by a set of live processes and by every descendant they have reaped. A child
 * counts in its parent's cutime/cstime only once it has exited and been waited for, so summing
 * own + reaped over the live processes counts every tick once.
 */
function ticksOf(stats: ProcStat[]): number {
  return stats.reduce((sum, s) => sum + s.own + s.reaped, 0);
}

/** The process and all its descendants (a server that forks workers counts them too). */
export function treeTicks(root: number): number {
  const stats = allPids().map(procStat).filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const top = stats.find((s) => s.pid === root);
  if (!top) return NaN;
  const tree: ProcStat[] = [];
  const queue = [top];
  while (queue.length) {
    const s = queue.pop()!;
    tree.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return ticksOf(tree);
}

/** The command line of a process, for the log ("next-server (v16.4.5)"). */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "?";
  }
}

let postgresUid: number | null | undefined;

/** The uid PostgreSQL runs as on this machine; null when there is no local postgres user. */
function postgresUser(): number | null {
  if (postgresUid === undefined) {
    try {
      postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    } catch {
      postgresUid = null;
    }
  }
  return postgresUid;
}

/**
 * Every process of the local PostgreSQL server (all databases: other people's work on the same
 * server counts too), with the backends and parallel workers the postmaster has reaped.
 * NaN when the server does not run on this machine.
 */
export function postgresTicks(): number {
  const uid = postgresUser();
  if (uid === null) return NaN;
  const stats: ProcStat[] = [];
  for (const pid of allPids()) {
    try {
      if (statSync(`/proc/${pid}`).uid !== uid) continue;
    } catch {
      continue;
    }
    const s = procStat(pid);
    if (s) stats.push(s);
  }
  return stats.length ? ticksOf(stats) : NaN;
}

/** Ticks of given processes (the backends serving one app), each 0 when it is gone. */
export function ticksByPid(pids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) out.set(pid, procStat(pid)?.own ?? 0);
  return out;
}

/** Ticks spent by given processes between two readings; a process started in between counts from zero. */
export function ticksBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ticks] of after) sum += Math.max(0, ticks - (before.get(pid) ?? 0));
  return sum;
}

/** One reading of everything a run of one app costs. */
export interface Reading {
  at: number;
  app: number;
  postgresAll: number;
  backends: Map<number, number>;
  statements: number;
}

export interface RunCost {
  /** The requests the figures are divided by. */
  requests: number;
  seconds: number;
  /** CPU ms per request: the app's process tree, the backends serving its connections, every PostgreSQL process. */
  appMs: number;
  postgresMs: number;
  postgresAllMs: number;
  statements: number;
  /** Cores kept busy on average over the run. */
  appCores: number;
  postgresCores: number;
}

export function readCost(serverPid: number, db: { backendPids(): number[]; statements(): number }): Reading {
  return { at: performance.now(), app: treeTicks(serverPid), postgresAll: postgresTicks(), backends: ticksByPid(db.backendPids()), statements: db.statements() };
}

export function costBetween(a: Reading, b: Reading, requests: number): RunCost {
  const ms = (ticks: number) => ticks * TICK_MS;
  const seconds = (b.at - a.at) / 1000;
  const postgres = ticksBetween(a.backends, b.backends);
  const per = (x: number) => (requests > 0 ? x / requests : NaN);
  return {
    requests,
    seconds,
    appMs: per(ms(b.app - a.app)),
    postgresMs: per(ms(postgres)),
    postgresAllMs: per(ms(b.postgresAll - a.postgresAll)),
    statements: per(b.statements - a.statements),
    appCores: ms(b.app - a.app) / 1000 / seconds,
    postgresCores: ms(postgres) / 1000 / seconds,
  };
}
