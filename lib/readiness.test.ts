import { EventEmitter } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { openTestDatabase } from "@/test/support/db";
import { drainOnSigterm, isReady, markReady, type SignalTarget } from "./readiness";

let database: Database;
// The route reads the process's database; here it is the test's.
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => database.db }));
const { GET } = await import("@/app/api/ready/route");

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());
beforeEach(() => {
  delete (globalThis as { __landfallReadiness?: unknown }).__landfallReadiness;
});

/** A process stand-in: its SIGTERM listeners, and the exit code it was asked for. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = Object.assign(emitter, { exit: (code?: number) => void exits.push(code ?? 0) }) as unknown as SignalTarget & EventEmitter;
  return { proc, exits };
}

describe("readiness", () => {
  it("is 503 until the instance has migrated and connected, then 200", async () => {
    expect((await GET()).status).toBe(503);
    markReady();
    const ready = await GET();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it("on SIGTERM turns 503 at once, keeps serving through the delay, then hands the signal to Next's own handler", async () => {
    vi.useFakeTimers();
    try {
      markReady();
      const { proc, exits } = fakeProcess();
      const nextHandler = vi.fn();
      proc.on("SIGTERM", nextHandler);
      drainOnSigterm(10, proc);

      proc.emit("SIGTERM", "SIGTERM");
      expect(isReady()).toBe(false);
      expect((await GET()).status).toBe(503);
      vi.advanceTimersByTime(9_000);
      expect(nextHandler).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1_000);
      expect(nextHandler).toHaveBeenCalledWith("SIGTERM");
      expect(exits).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("exits itself after the delay when no one else handles SIGTERM", async () => {
    vi.useFakeTimers();
    try {
      const { proc, exits } = fakeProcess();
      drainOnSigterm(0, proc);
      proc.emit("SIGTERM", "SIGTERM");
      vi.advanceTimersByTime(0);
      expect(exits).toEqual([143]);
    } finally {
      vi.useRealTimers();
    }
  });
});
