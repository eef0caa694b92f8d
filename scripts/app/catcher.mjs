// The demo's outbox: a local SMTP server and a group-chat webhook receiver that keep what they
// are sent in memory, so a newcomer sees Landfall's reminders arrive and nothing leaves the
// machine. http://localhost:<http port>/ lists them; /messages answers them as JSON (the tests
// read that). Run alone with `node scripts/app/catcher.mjs`, or started by run.mjs for the demo.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

const mails = [];
const webhooks = [];
const LIMIT = 500;

/** Decodes RFC 2047 words (=?UTF-8?B?…?= / ?Q?) in a header. */
function decodeWords(value) {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, charset, enc, text) => {
    const bytes = enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1");
    return new TextDecoder(charset).decode(bytes);
  });
}

/** A plain-text message as nodemailer writes it: headers, then a quoted-printable or base64 body. */
export function parseMessage(raw) {
  const split = raw.indexOf("\r\n\r\n");
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, " ");
  let body = split < 0 ? "" : raw.slice(split + 4);
  const headers = Object.fromEntries(head.split("\r\n").map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (encoding === "base64") body = Buffer.from(body, "base64").toString("utf8");
  else if (encoding === "quoted-printable") body = Buffer.from(body.replace(/=\r\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return { subject: decodeWords(headers.subject ?? ""), from: decodeWords(headers.from ?? ""), text: body.trim() };
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Starts both servers; resolves when they listen. Ports: CATCHER_SMTP_PORT (1025), CATCHER_HTTP_PORT (1080). */
export async function startCatcher({ smtpPort = Number(process.env.CATCHER_SMTP_PORT ?? 1025), httpPort = Number(process.env.CATCHER_HTTP_PORT ?? 1080) } = {}) {
  const { SMTPServer } = await import("smtp-server");
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No DNS is asked who 127.0.0.1 is (on a machine without a resolver each connection waits for it).
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push({ to, at: new Date().toISOString(), ...parseMessage(Buffer.concat(chunks).toString("latin1").replace(/[\u0080-\u00ff]+/g, (m) => Buffer.from(m, "latin1").toString("utf8"))) });
        if (mails.length > LIMIT) mails.shift();
        callback();
      });
    },
  });
  const http = createServer((req, res) => {
    // /webhook is the deployment's robot; /webhook/<name> stands for a team's own.
    const hookPath = req.url?.match(/^\/webhook(?:\/([\w.-]{1,40}))?$/);
    if (req.method === "POST" && hookPath) {
      const chunks = [];
      let size = 0;
      req.on("data", (c) => {
        size += c.length;
        if (size <= 1_000_000) chunks.push(c);
      });
      req.on("end", () => {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          res.writeHead(400).end();
          return;
        }
        webhooks.push({ at: new Date().toISOString(), robot: hookPath[1] ?? null, body });
        if (webhooks.length > LIMIT) webhooks.shift();
        res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
      });
      return;
    }
    if (req.method === "GET" && req.url === "/messages") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify({ mails, webhooks }));
      return;
    }
    if (req.method === "GET" && req.url === "/") {
      const list = (items, show) => (items.length ? `<ol>${items.map((i) => `<li>${show(i)}</li>`).join("")}</ol>` : "<p>—</p>");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><meta charset="utf-8"><title>Landfall outbox</title><body style="font-family:sans-serif;max-width:60rem;margin:2rem auto">` +
          `<h1>Landfall outbox (local only)</h1><h2>E-mail</h2>${list([...mails].reverse(), (m) => `<b>${escape(m.subject)}</b> → ${escape(m.to.join(", "))} <small>${escape(m.at)}</small><pre>${escape(m.text)}</pre>`)}` +
          `<h2>Group chat</h2>${list([...webhooks].reverse(), (w) => `<small>${escape(w.at)}${w.robot ? ` · ${escape(w.robot)}` : ""}</small><pre>${escape(JSON.stringify(w.body, null, 2))}</pre>`)}</body>`,
      );
      return;
    }
    res.writeHead(404).end();
  });
  await Promise.all([
    new Promise((ok, fail) => smtp.listen(smtpPort, "127.0.0.1", ok).once("error", fail)),
    new Promise((ok, fail) => http.listen(httpPort, "127.0.0.1", ok).once("error", fail)),
  ]);
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webhookUrl: `http://127.0.0.1:${httpPort}/webhook`, pageUrl: `http://localhost:${httpPort}/`, close: () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => http.close(r))]) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const c = await startCatcher();
  console.log(`[landfall] outbox: SMTP ${c.smtpUrl}, webhook ${c.webhookUrl}; see ${c.pageUrl}`);
}
