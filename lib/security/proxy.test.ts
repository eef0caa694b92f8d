import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { openTestDatabase } from "@/test/support/db";

let database: Database;
// The sign-in budget is counted in the process's database; here it is the test's.
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => database.db }));
afterAll(() => database?.close());

// The real proxy, with a sign-in budget of 3 requests a minute and one trusted reverse proxy.
beforeAll(async () => {
  database = await openTestDatabase();
  vi.stubEnv("AUTH_SECRET", "proxy-test-secret-0000000000");
  vi.stubEnv("OIDC_ALLOWED_DOMAINS", "landfall.example");
  vi.stubEnv("AUTH_URL", "http://localhost:3000");
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("LANDFALL_LOCAL_IDP", "1");
  vi.stubEnv("DEV_IDP_PORT", "3001");
  vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
  vi.stubEnv("RATE_LIMIT_SIGNIN_PER_MINUTE", "3");
});

const { proxy } = await import("@/proxy");

const request = (path: string, init: { address?: string; cookie?: string; method?: string } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: { "x-forwarded-for": `6.6.6.6, ${init.address ?? "198.51.100.1"}`, ...(init.cookie ? { cookie: init.cookie } : {}) },
  });

describe("sign-in rate limit", () => {
  it("answers 429 with Retry-After once an address has spent its budget on any sign-in route", async () => {
    const address = "198.51.100.7";
    expect((await proxy(request("/signin", { address }))).status).not.toBe(429);
    expect((await proxy(request("/api/auth/signin/oidc", { address, method: "POST" }))).status).not.toBe(429);
    expect((await proxy(request("/api/auth/callback/oidc?code=x", { address }))).status).not.toBe(429);
    const refused = await proxy(request("/signin", { address }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address (as the trusted proxy reports it) still signs in.
    expect((await proxy(request("/signin", { address: "198.51.100.8" }))).status).not.toBe(429);
  });

  it("does not count other routes", async () => {
    const address = "198.51.100.9";
    for (let i = 0; i < 5; i++) expect((await proxy(request("/api/health", { address }))).status).not.toBe(429);
    expect((await proxy(request("/signin", { address }))).status).not.toBe(429);
  });
});

describe("pages", () => {
  it("get a fresh nonce-based policy on the response and on the request Next renders with", async () => {
    const first = await proxy(request("/signed-out"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' http://localhost:3001");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Next passes overridden request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const second = await proxy(request("/signed-out"));
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("send people without a session to sign in, keeping where they were going", async () => {
    const response = await proxy(request("/enterprises?q=byd"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/signin?callbackUrl=%2Fenterprises%3Fq%3Dbyd");
  });

  it("keep the session cookie alive on page views, not on posts that may be signing out", async () => {
    const cookie = "authjs.session-token=abc";
    const view = await proxy(request("/my-day", { cookie }));
    expect(view.status).toBe(200);
    const set = view.headers.get("set-cookie")!;
    expect(set).toMatch(/^authjs\.session-token=abc;/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=lax/i);
    expect(set).toContain("Max-Age=43200");
    expect((await proxy(request("/my-day", { cookie, method: "POST" }))).headers.get("set-cookie")).toBeNull();
  });

  it("send no Strict-Transport-Security over plain http", async () => {
    expect((await proxy(request("/signed-out"))).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("server actions posted from another site", () => {
  const action = (origin: string | null, path = "/enterprises/new") =>
    proxy(
      new NextRequest(`http://localhost:3000${path}`, {
        method: "POST",
        headers: {
          host: "localhost:3000",
          cookie: "authjs.session-token=abc",
          "next-action": "7f0000000000000000000000000000000000000000",
          "content-type": "text/plain;charset=UTF-8",
          ...(origin ? { origin } : {}),
        },
        body: "[]",
      }),
    );

  it("are refused with 403 before Next.js reaches the action", async () => {
    const refused = await action("http://evil.example");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Forbidden: this request came from another site.");
  });

  it("from our own pages go on to Next.js", async () => {
    const response = await action("http://localhost:3000");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
