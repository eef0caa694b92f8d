// A TCP proxy between an app under measurement and PostgreSQL, on a loopback port of its own:
// it forwards every byte both ways unchanged and reads the frontend protocol on the way, so the
// statements an app sends are counted without touching the app. Each simple query ('Q') and
// each Execute ('E') of the extended protocol counts as one statement, transaction control
// (BEGIN, COMMIT) included. It also learns the process id of the backend serving each
// connection (BackendKeyData), so the CPU of exactly those backends can be read.
import net from "node:net";

/** The untyped packets a client may send first (length, then one of these codes). */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export interface StatementCounts {
  /** Simple-protocol queries. */
  query: number;
  /** Executes of the extended protocol (postgres.js sends every statement this way). */
  execute: number;
}

/**
 * Reads the stream a client sends to the server. Before the startup message packets have no type
 * byte (int32 length including itself, int32 code); after it every message is a type byte and
 * an int32 length including itself but not the type. An SSL or GSSAPI request is answered by the
 * server with a single byte: 'N' lets the plain startup follow; otherwise the rest is encrypted
 * and no longer read.
 */
class FrontendReader {
  state: "startup" | "awaiting-answer" | "messages" | "opaque" = "startup";
  private head = Buffer.alloc(0);
  private skip = 0;

  constructor(private readonly counts: StatementCounts) {}

  feed(chunk: Buffer) {
    let at = 0;
    while (at < chunk.length && this.state !== "opaque" && this.state !== "awaiting-answer") {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      const headLength = this.state === "startup" ? 8 : 5;
      const take = Math.min(headLength - this.head.length, chunk.length - at);
      this.head = Buffer.concat([this.head, chunk.subarray(at, at + take)]);
      at += take;
      if (this.head.length < headLength) return;
      if (this.state === "startup") {
        const length = this.head.readInt32BE(0);
        const code = this.head.readInt32BE(4);
        this.skip = length - 8;
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) this.state = "awaiting-answer";
        else if (code === CANCEL_REQUEST) this.state = "opaque";
        else this.state = "messages";
      } else {
        const type = String.fromCharCode(this.head[0]!);
        if (type === "Q") this.counts.query++;
        else if (type === "E") this.counts.execute++;
        this.skip = this.head.readInt32BE(1) - 4;
      }
      this.head = Buffer.alloc(0);
    }
  }

  /** The server's one-byte answer to an SSL or GSSAPI request; false when the rest is encrypted. */
  answered(byte: number): boolean {
    this.state = byte === "N".charCodeAt(0) ? "startup" : "opaque";
    return this.state === "startup";
  }
}

/**
 * Reads the server's side only until it names the backend (BackendKeyData 'K': int32 length 12,
 * int32 process id, int32 secret key); everything after that is forwarded unread.
 */
class BackendReader {
  pid: number | undefined;
  done = false;
  private head = Buffer.alloc(0);
  private body: Buffer | null = null;
  private skip = 0;

  constructor(private readonly frontend: FrontendReader) {}

  feed(chunk: Buffer) {
    let at = 0;
    while (at < chunk.length && !this.done) {
      if (this.frontend.state === "awaiting-answer") {
        if (!this.frontend.answered(chunk[at]!)) this.done = true;
        at += 1;
        continue;
      }
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        if (this.body) this.body = Buffer.concat([this.body, chunk.subarray(at, at + n)]);
        this.skip -= n;
        at += n;
        if (this.skip === 0 && this.body) {
          this.pid = this.body.readInt32BE(0);
          this.done = true;
        }
        continue;
      }
      const take = Math.min(5 - this.head.length, chunk.length - at);
      this.head = Buffer.concat([this.head, chunk.subarray(at, at + take)]);
      at += take;
      if (this.head.length < 5) return;
      const type = String.fromCharCode(this.head[0]!);
      this.skip = this.head.readInt32BE(1) - 4;
      this.body = type === "K" ? Buffer.alloc(0) : null;
      // ReadyForQuery without a BackendKeyData first: nothing more to learn from this side.
      if (type === "Z") this.done = true;
      this.head = Buffer.alloc(0);
    }
  }
}

export interface PgProxy {
  /** The database URL to give the app: the target's, with this proxy's host and port. */
  url: string;
  counts(): StatementCounts;
  /** Statements so far (queries plus executes). */
  statements(): number;
  /** Process ids of the backends serving the connections open now. */
  backendPids(): number[];
  close(): Promise<void>;
}

export async function startPgProxy(targetUrl: string): Promise<PgProxy> {
  const target = new URL(targetUrl);
  const host = target.hostname || "127.0.0.1";
  const port = Number(target.port || 5432);
  const counts: StatementCounts = { query: 0, execute: 0 };
  const open = new Set<BackendReader>();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect({ host, port });
    const frontend = new FrontendReader(counts);
    const backend = new BackendReader(frontend);
    open.add(backend);
    sockets.add(client).add(upstream);
    // Both ways at once, and no Nagle delay on small messages: the app's driver turns it off too.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on("data", (chunk: Buffer) => frontend.feed(chunk));
    upstream.on("data", (chunk: Buffer) => {
      if (!backend.done) backend.feed(chunk);
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      open.delete(backend);
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);

  return {
    url: url.toString(),
    counts: () => ({ ...counts }),
    statements: () => counts.query + counts.execute,
    backendPids: () => [...open].map((b) => b.pid).filter((pid): pid is number => pid !== undefined),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
