// The security headers every response carries, built from plain inputs so they can be tested
// without a server. proxy.ts sets the per-request ones (the CSP with its nonce, HSTS), and
// next.config.ts the fixed ones on every path, route handlers and static files included.

export interface Header {
  key: string;
  value: string;
}

export interface CspOptions {
  /** Fresh for every request; Next puts it on its own inline and bundle scripts. */
  nonce: string;
  /** `next dev` evaluates code for fast refresh and needs 'unsafe-eval'; production never gets it. */
  dev: boolean;
  /** Where forms may post or be redirected to besides our origin: the identity provider. */
  formActionOrigins: string[];
  /** Served over https: ask the browser to upgrade any stray http sub-request. */
  https: boolean;
}

/**
 * A strict, nonce-based policy: only scripts carrying this request's nonce run, plus what they
 * load ('strict-dynamic'); no inline script or eval in production. Styles keep 'unsafe-inline'
 * because React's style attributes and the charts' inline styles need it (styles cannot run
 * code). The app may not be framed at all.
 */
export function contentSecurityPolicy({ nonce, dev, formActionOrigins, https }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formActionOrigins],
    ["frame-ancestors", "'none'"],
    ["frame-src", "'none'"],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A nonce: 128 random bits, base64. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every response, whatever made it. */
export const STATIC_SECURITY_HEADERS: readonly Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Addresses may carry secrets (the calendar feed); other sites get no referrer at all.
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Strict-Transport-Security, only for a production app served over https: sent over plain http
 * (the demo, the tests) it would be ignored at best and lock a developer's localhost at worst.
 */
export function strictTransportSecurity({ production, https }: { production: boolean; https: boolean }): Header | null {
  return production && https ? { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" } : null;
}

/** The origin of a URL, for CSP source lists. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
