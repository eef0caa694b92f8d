import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce, originOf, STATIC_SECURITY_HEADERS, strictTransportSecurity } from "./headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name!, values]; }));

describe("content security policy", () => {
  const production = contentSecurityPolicy({ nonce: "abc123", dev: false, formActionOrigins: ["https://login.example.gov.cn"], https: true });
  const d = directives(production);

  it("runs only scripts carrying this request's nonce, never inline script or eval in production", () => {
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(production).not.toContain("unsafe-eval");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("may not be framed, loads no plugins, and posts forms only to itself and the identity provider", () => {
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'", "https://login.example.gov.cn"]);
    expect(d.has("upgrade-insecure-requests")).toBe(true);
  });

  it("keeps inline styles (React style attributes, charts) but nothing else inline", () => {
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
  });

  it("allows eval only to the development server, and does not upgrade requests over http", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, formActionOrigins: [], https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("fixed headers", () => {
  it("forbid sniffing, framing and referrers to other sites", () => {
    const byKey = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byKey).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" });
  });

  it("send Strict-Transport-Security only from production over https", () => {
    expect(strictTransportSecurity({ production: true, https: true })).toEqual({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
    expect(strictTransportSecurity({ production: true, https: false })).toBeNull();
    expect(strictTransportSecurity({ production: false, https: true })).toBeNull();
  });
});

describe("nonces and origins", () => {
  it("makes a fresh 128-bit nonce each time", () => {
    const a = makeNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(makeNonce()).not.toBe(a);
  });

  it("reduces an issuer URL to its origin", () => {
    expect(originOf("https://login.example.gov.cn/realms/bureau")).toBe("https://login.example.gov.cn");
  });
});
