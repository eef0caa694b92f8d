import { describe, expect, it } from "vitest";
import { limits } from "@/lib/env";
import { clientAddress, consume, tooManyRequests, UNATTRIBUTED } from "./rate-limit";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client address", () => {
  it("trusts no forwarded address without trusted proxies: everyone shares one bucket", () => {
    expect(clientAddress(forwarded("203.0.113.9"), 0)).toBe(UNATTRIBUTED);
    expect(clientAddress(new Headers(), 0)).toBe(UNATTRIBUTED);
  });

  it("behind n proxies takes the n-th entry from the right, ignoring what the client wrote before it", () => {
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("a request that did not pass every proxy goes to the shared bucket", () => {
    expect(clientAddress(forwarded("203.0.113.9"), 2)).toBe(UNATTRIBUTED);
    expect(clientAddress(new Headers(), 1)).toBe(UNATTRIBUTED);
  });
});

describe("budgets", () => {
  it("refuse a key once its budget is spent, with the seconds to wait, and leave other keys alone", async () => {
    const tiny = limits({ RATE_LIMIT_CALENDAR_PER_MINUTE: "2" });
    expect(await consume("calendarToken", "feed-a", tiny)).toEqual({ allowed: true });
    expect(await consume("calendarToken", "feed-a", tiny)).toEqual({ allowed: true });
    const refused = await consume("calendarToken", "feed-a", tiny);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait >= 1 && wait <= 60, `wait ${wait} s`).toBe(true);
    expect(await consume("calendarToken", "feed-b", tiny)).toEqual({ allowed: true });
  });

  it("have documented defaults generous enough for a busy office", () => {
    expect(limits({})).toMatchObject({
      TRUSTED_PROXY_HOPS: 0,
      RATE_LIMIT_SIGNIN_PER_MINUTE: 120,
      RATE_LIMIT_IMPORT_PER_HOUR: 600,
      RATE_LIMIT_CALENDAR_PER_MINUTE: 30,
      RATE_LIMIT_CALENDAR_IP_PER_MINUTE: 300,
    });
  });

  it("answer 429 with Retry-After", async () => {
    const response = tooManyRequests(17);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
  });
});
