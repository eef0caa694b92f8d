import { describe, expect, it } from "vitest";
import { crossOriginResponse, isCrossOrigin, isServerActionPost, requestHost } from "./cross-origin-action";

const h = (init: Record<string, string>) => new Headers(init);

describe("server-action posts", () => {
  it("are recognised by the Next-Action header or a form body, and only as POST", () => {
    expect(isServerActionPost("POST", h({ "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" }))).toBe(true);
    expect(isServerActionPost("POST", h({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isServerActionPost("POST", h({ "content-type": "application/x-www-form-urlencoded" }))).toBe(true);
    expect(isServerActionPost("POST", h({ "content-type": "application/json" }))).toBe(false);
    expect(isServerActionPost("GET", h({ "next-action": "7f00aa" }))).toBe(false);
  });
});

describe("the host a request was sent to", () => {
  it("is X-Forwarded-Host's first value when present, else Host, as Next.js reads it", () => {
    expect(requestHost(h({ host: "localhost:3000" }))).toBe("localhost:3000");
    expect(requestHost(h({ host: "10.0.0.5:3000", "x-forwarded-host": "landfall.example.gov.cn, proxy.internal" }))).toBe("landfall.example.gov.cn");
    expect(requestHost(h({}))).toBeNull();
  });
});

describe("cross-origin", () => {
  it("is another host in Origin, or in Referer when Origin is absent", () => {
    expect(isCrossOrigin(h({ host: "localhost:3000", origin: "http://evil.example" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "localhost:3000", referer: "http://evil.example/page" }))).toBe(true);
    // Origin decides even when Referer names our own host.
    expect(isCrossOrigin(h({ host: "localhost:3000", origin: "http://evil.example", referer: "http://localhost:3000/" }))).toBe(true);
  });

  it("is an opaque or unreadable source", () => {
    expect(isCrossOrigin(h({ host: "localhost:3000", origin: "null" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "localhost:3000", origin: "not a url" }))).toBe(true);
  });

  it("is not our own page, directly or behind a proxy that sets X-Forwarded-Host", () => {
    expect(isCrossOrigin(h({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossOrigin(h({ host: "localhost:3000", referer: "http://localhost:3000/enterprises?q=x" }))).toBe(false);
    expect(isCrossOrigin(h({ host: "10.0.0.5:3000", "x-forwarded-host": "landfall.example.gov.cn", origin: "https://landfall.example.gov.cn" }))).toBe(false);
    // A forged X-Forwarded-Host is compared like Next.js compares it: the page must match it.
    expect(isCrossOrigin(h({ host: "landfall.example.gov.cn", "x-forwarded-host": "evil.example", origin: "https://landfall.example.gov.cn" }))).toBe(true);
  });

  it("lets a request with neither Origin nor Referer through, as Next.js does", () => {
    expect(isCrossOrigin(h({ host: "localhost:3000" }))).toBe(false);
  });

  it("is answered 403 in plain text", async () => {
    const response = crossOriginResponse();
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).not.toMatch(/at |Error/);
  });
});
