import { createHash, randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startDevIdp, type DevIdp } from "./dev-idp";

const REDIRECT_URI = "http://localhost:39999/api/auth/callback/oidc";
const CLIENT_ID = process.env.DEV_IDP_CLIENT_ID || "landfall-local";
const CLIENT_SECRET = process.env.DEV_IDP_CLIENT_SECRET || "landfall-local-secret";

// The provider ties an interaction to its cookies, so the test carries them by hand.
const jar = new Map<string, string>();

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
  const res = await fetch(url, { ...init, headers, redirect: "manual" });
  for (const header of res.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value === "" || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return res;
}

function location(res: Response, base: string): string {
  const target = res.headers.get("location");
  expect(target, `expected a redirect, got HTTP ${res.status}`).toBeTruthy();
  return new URL(target ?? "", base).href;
}

function form(values: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
  };
}

describe("dev IdP", () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp({ port: 0, redirectUris: [REDIRECT_URI] });
  });

  afterAll(async () => {
    await idp.close();
  });

  it("signs a demo user in with authorization code + PKCE", async () => {
    const discovery = (await (await request(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.code_challenge_methods_supported).toContain("S256");

    const verifier = randomBytes(32).toString("base64url");
    const authUrl = new URL(String(discovery.authorization_endpoint));
    authUrl.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: "openid email profile groups",
      state: "state-123",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    }).toString();

    const interactionUrl = location(await request(authUrl.href), idp.issuer);
    expect(new URL(interactionUrl).pathname).toMatch(/^\/interaction\/[^/]+$/);

    const loginPage = await request(interactionUrl);
    expect(loginPage.status).toBe(200);
    const loginHtml = await loginPage.text();
    expect(loginHtml).toContain("<title>Landfall demo sign-in</title>");
    expect(loginHtml).toContain('<label for="password">Password</label>');

    const wrong = await request(`${interactionUrl}/login`, form({ email: "staff@landfall.example", password: "nope" }));
    expect(wrong.status).toBe(200);
    expect(wrong.headers.get("location")).toBeNull();
    expect(await wrong.text()).toMatch(/role="alert"[^>]*>Unknown e-mail address or wrong password/);

    let next = location(
      await request(`${interactionUrl}/login`, form({ email: "Staff@Landfall.example", password: "landfall" })),
      interactionUrl,
    );
    for (let hops = 0; !next.startsWith(REDIRECT_URI) && hops < 5; hops++) {
      next = location(await request(next), next);
    }
    const callback = new URL(next);
    expect(callback.searchParams.get("state")).toBe("state-123");
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    const tokenRes = await fetch(String(discovery.token_endpoint), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: code ?? "",
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    const tokens = (await tokenRes.json()) as { id_token?: string };
    expect(tokenRes.status, JSON.stringify(tokens)).toBe(200);

    const payload = JSON.parse(Buffer.from(tokens.id_token?.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: CLIENT_ID,
      sub: "demo-staff",
      email: "staff@landfall.example",
      email_verified: true,
      name: "李明",
      groups: ["landfall-staff"],
    });
  });
});

describe("startDevIdp in production", () => {
  it("refuses to start unless LANDFALL_LOCAL_IDP=1", async () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, LANDFALL_LOCAL_IDP: process.env.LANDFALL_LOCAL_IDP };
    try {
      Object.assign(process.env, { NODE_ENV: "production" });
      delete process.env.LANDFALL_LOCAL_IDP;
      await expect(startDevIdp({ port: 0 })).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
