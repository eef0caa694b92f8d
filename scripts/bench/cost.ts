// What one request of a screen costs besides time: the statements it sends (counted by the
// proxy in front of PostgreSQL over a short run of sequential requests by one user, so nothing
// else is counted with them), the bytes of its HTML, and the bytes of its RSC payload (the same
// URL asked for with `RSC: 1`, as the client router fetches a page), each decoded and gzipped as
// `next start` sends it.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import type { HttpRequest } from "./load";
import type { PgProxy } from "./pg-proxy";

export interface PageCost {
  /** Requests counted (after one that warms the app's connection pool up). */
  requests: number;
  statementsPerRequest: number;
  /** Mean bytes of the HTML document (NaN for a server action). */
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Bytes of the RSC payload of the page, or of a server action's answer. */
  rscBytes: number;
  rscGzipBytes: number;
  /** Statements of the RSC request alone (a page's). */
  rscStatements: number;
}

interface Answer {
  status: number;
  location: string | undefined;
  contentType: string;
  body: Buffer;
  wireBytes: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function ask(baseUrl: string, r: HttpRequest, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(r.path, baseUrl), {
      agent,
      method: r.method ?? "GET",
      headers: { "accept-encoding": "gzip", ...headers, ...(r.headers ?? {}), ...(r.body !== undefined ? { "content-length": Buffer.byteLength(r.body) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const wire = Buffer.concat(chunks);
        const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(wire) : wire;
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, contentType: res.headers["content-type"] ?? "", body, wireBytes: wire.length });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(r.body);
  });
}

/**
 * Next.js answers an RSC request whose `_rsc` search parameter does not match its headers with a
 * redirect to the URL carrying the right one (a guard against caches that ignore Vary): follow it once.
 */
async function askRsc(baseUrl: string, r: HttpRequest, cookie: string): Promise<Answer> {
  const headers = { cookie, rsc: "1" };
  const first = await ask(baseUrl, r, headers);
  if (first.status === 307 && first.location?.includes("_rsc")) return ask(baseUrl, { ...r, path: first.location }, headers);
  return first;
}

/**
 * `count` + 2 requests of a screen, one after the other: request 0 warms up, 1…count are counted,
 * and for a page one more asks for its RSC payload. Any answer but 200 throws.
 */
export async function measurePage(opts: {
  baseUrl: string;
  cookie: string;
  proxy: PgProxy;
  count: number;
  action: boolean;
  request: (k: number) => HttpRequest;
}): Promise<PageCost> {
  const check = (a: Answer, k: number, what: string) => {
    // A server action answers 200 with its result; a refused move says so in the body.
    if (a.status !== 200 || (opts.action && !a.body.toString().includes('"ok":true'))) {
      throw new Error(`bench: ${what} request ${k} answered ${a.status} ${a.location ?? ""} ${a.body.toString().slice(0, 300)}`);
    }
    return a;
  };
  const cookieOf = (r: HttpRequest) => r.headers?.cookie ?? opts.cookie;
  const first = opts.request(0);
  check(await ask(opts.baseUrl, first, { cookie: cookieOf(first) }), 0, "warm-up");
  let bytes = 0;
  let gzipBytes = 0;
  const before = opts.proxy.statements();
  for (let k = 1; k <= opts.count; k++) {
    const r = opts.request(k);
    const a = check(await ask(opts.baseUrl, r, { cookie: cookieOf(r) }), k, "counted");
    bytes += a.body.length;
    gzipBytes += a.wireBytes;
  }
  const statementsPerRequest = (opts.proxy.statements() - before) / opts.count;
  if (opts.action) {
    return {
      requests: opts.count, statementsPerRequest, htmlBytes: NaN, htmlGzipBytes: NaN,
      rscBytes: bytes / opts.count, rscGzipBytes: gzipBytes / opts.count, rscStatements: statementsPerRequest,
    };
  }
  const r = opts.request(opts.count + 1);
  const rscBefore = opts.proxy.statements();
  const rsc = check(await askRsc(opts.baseUrl, r, cookieOf(r)), opts.count + 1, "RSC");
  if (!rsc.contentType.startsWith("text/x-component")) throw new Error(`bench: the RSC request for ${r.path} answered ${rsc.contentType}`);
  return {
    requests: opts.count, statementsPerRequest, htmlBytes: bytes / opts.count, htmlGzipBytes: gzipBytes / opts.count,
    rscBytes: rsc.body.length, rscGzipBytes: rsc.wireBytes, rscStatements: opts.proxy.statements() - rscBefore,
  };
}

/** Closes the keep-alive connection of the measuring requests. */
export function closeCostAgent() {
  agent.destroy();
}
