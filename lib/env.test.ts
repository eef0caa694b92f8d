import { describe, expect, it } from "vitest";
import { oidcSettings, parseEnv } from "./env";

const base = { AUTH_SECRET: "x".repeat(32), OIDC_ALLOWED_DOMAINS: "landfall.example" };

describe("configuration", () => {
  it("uses the local demo identity provider outside production", () => {
    const e = parseEnv({ ...base, NODE_ENV: "development" });
    expect(oidcSettings(e)).toMatchObject({ issuer: "http://localhost:3001", local: true });
    expect(e.OIDC_ALLOWED_DOMAINS).toEqual(["landfall.example"]);
  });

  it("refuses the local identity provider in production unless explicitly enabled", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(/OIDC_ISSUER: OIDC_ISSUER is required in production/);
    expect(oidcSettings(parseEnv({ ...base, NODE_ENV: "production", LANDFALL_LOCAL_IDP: "1" })).local).toBe(true);
  });

  it("takes a real issuer with its client, and names every missing variable at once", () => {
    const e = parseEnv({ ...base, NODE_ENV: "production", OIDC_ISSUER: "https://login.example.gov.cn/realms/bureau", OIDC_CLIENT_ID: "landfall", OIDC_CLIENT_SECRET: "s" });
    expect(oidcSettings(e)).toEqual({ issuer: "https://login.example.gov.cn/realms/bureau", clientId: "landfall", clientSecret: "s", local: false });
    expect(() => parseEnv({ ...base, OIDC_ISSUER: "https://idp.example" })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required/);
    expect(() => parseEnv({})).toThrow(/AUTH_SECRET[\s\S]*OIDC_ALLOWED_DOMAINS/);
  });
});
