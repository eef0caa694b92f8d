import { describe, expect, it } from "vitest";
import { limits, parseEnv, servedOverHttps } from "@/lib/env";
import { SESSION_COOKIE_NAMES, sessionCookie, sessionPolicy } from "./session-policy";

const base = { AUTH_SECRET: "x".repeat(32), OIDC_ALLOWED_DOMAINS: "landfall.example" };

describe("session cookie", () => {
  it("over https is Secure, __Secure- prefixed, HttpOnly and SameSite=Lax", () => {
    const https = servedOverHttps(parseEnv({ ...base, AUTH_URL: "https://landfall.example.gov.cn" }));
    expect(https).toBe(true);
    expect(sessionCookie(https)).toEqual({
      name: "__Secure-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("over plain http (the demo, the tests) is HttpOnly and Lax but cannot be Secure", () => {
    const https = servedOverHttps(parseEnv({ ...base, AUTH_URL: "http://localhost:3000" }));
    expect(https).toBe(false);
    expect(sessionCookie(https)).toEqual({ name: "authjs.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } });
    expect(servedOverHttps(parseEnv(base))).toBe(false);
  });

  it("has one of the two names the proxy looks for", () => {
    expect(SESSION_COOKIE_NAMES).toContain(sessionCookie(true).name);
    expect(SESSION_COOKIE_NAMES).toContain(sessionCookie(false).name);
  });
});

describe("session time-outs", () => {
  it("default to 2 hours idle and 12 hours in all", () => {
    expect(sessionPolicy(limits({}))).toEqual({ idleSeconds: 7200, absoluteSeconds: 43200, updateAgeSeconds: 900 });
  });

  it("are configurable, and a short idle time-out is renewed more often", () => {
    expect(sessionPolicy(limits({ SESSION_IDLE_MINUTES: "20", SESSION_MAX_HOURS: "8" }))).toEqual({ idleSeconds: 1200, absoluteSeconds: 28800, updateAgeSeconds: 300 });
  });

  it("refuse an idle time-out longer than the absolute one, naming the variable", () => {
    expect(() => parseEnv({ ...base, SESSION_IDLE_MINUTES: "800", SESSION_MAX_HOURS: "12" })).toThrow(/SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES must not be longer/);
    expect(() => limits({ SESSION_MAX_HOURS: "0" })).toThrow(/SESSION_MAX_HOURS/);
  });
});
