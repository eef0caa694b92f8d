// Whether the balancer should send this instance requests (app/api/ready): not before it has
// migrated and connected (instrumentation.ts marks it ready), and no longer once it was told to
// stop. Kept on globalThis: instrumentation and the route handler are separate bundles of one
// process.

interface Readiness {
  ready: boolean;
  draining: boolean;
}

const holder = globalThis as unknown as { __landfallReadiness?: Readiness };
const state = () => (holder.__landfallReadiness ??= { ready: false, draining: false });

/** The database is migrated and answers, and this instance follows the others' changes. */
export function markReady(): void {
  state().ready = true;
}

export function isReady(): boolean {
  const s = state();
  return s.ready && !s.draining;
}

export function isDraining(): boolean {
  return state().draining;
}

/** What drainOnSigterm needs of `process` (a stand-in in tests). */
export type SignalTarget = Pick<NodeJS.Process, "listeners" | "removeAllListeners" | "once" | "exit">;

type SignalHandler = (signal: NodeJS.Signals) => void;

/**
 * On SIGTERM: stop being ready at once, keep serving for `seconds` so the balancer's readiness
 * checks see it and send new requests elsewhere, then hand the signal to Next.js, whose own
 * handler stops accepting connections, lets the requests in flight finish and exits (143).
 * `next start` registers that handler before instrumentation runs: this one takes its place and
 * calls it after the delay (exits itself if there was none). A second SIGTERM during the delay
 * stops the process at once.
 */
export function drainOnSigterm(seconds: number, proc: SignalTarget = process): void {
  const nextHandlers = proc.listeners("SIGTERM") as SignalHandler[];
  proc.removeAllListeners("SIGTERM");
  proc.once("SIGTERM", () => {
    state().draining = true;
    console.log(`[landfall] SIGTERM: not ready any more; stopping in ${seconds} s after the requests in flight`);
    setTimeout(() => {
      if (nextHandlers.length === 0) proc.exit(143);
      for (const handler of nextHandlers) handler("SIGTERM");
    }, seconds * 1000);
  });
}
