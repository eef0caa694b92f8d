/**
 * Local OpenID Connect identity provider for development and tests.
 *
 * A real OIDC provider (oidc-provider) so the app exercises the same
 * authorization-code + PKCE path it uses against the bureau's production IdP,
 * with the accounts from db/demo-users.ts. In-memory only, plain http on
 * loopback, and refuses to start in production unless explicitly allowed.
 *
 *   tsx scripts/app/dev-idp.ts
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import Provider, {
  errors,
  type Adapter,
  type AdapterFactory,
  type AdapterPayload,
  type Configuration,
  type KoaContextWithOIDC,
} from "oidc-provider";

import { DEMO_PASSWORD, DEMO_USERS, findDemoUser } from "../../db/demo-users";

export interface DevIdpOptions {
  /** 0 picks a free port. Defaults to DEV_IDP_PORT or 3001. */
  port?: number;
  /** Defaults to DEV_IDP_REDIRECT_URIS (comma-separated) or the app's next-auth callback. */
  redirectUris?: string[];
}

export interface DevIdp {
  issuer: string;
  close(): Promise<void>;
}

const DEFAULT_PORT = 3001;
const DEFAULT_REDIRECT_URI = "http://localhost:3000/api/auth/callback/oidc";
const SCOPES = ["openid", "email", "profile", "groups"] as const;
// Artifacts that die with their grant when it is revoked (mirrors oidc-provider's own memory adapter).
const GRANT_BOUND_MODELS = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);

export async function startDevIdp(opts: DevIdpOptions = {}): Promise<DevIdp> {
  if (process.env.NODE_ENV === "production" && process.env.LANDFALL_LOCAL_IDP !== "1") {
    throw new Error(
      "Refusing to start the Landfall demo identity provider with NODE_ENV=production: " +
        "it signs anyone in with a shared password. Set LANDFALL_LOCAL_IDP=1 to override for a local production build.",
    );
  }

  const redirectUris = opts.redirectUris ?? parseList(process.env.DEV_IDP_REDIRECT_URIS) ?? [DEFAULT_REDIRECT_URI];
  const requestedPort = opts.port ?? parsePort(process.env.DEV_IDP_PORT) ?? DEFAULT_PORT;

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const listener = (req: IncomingMessage, res: ServerResponse): void => handle(req, res);

  // Bind IPv4 first so port 0 resolves to a concrete port, then mirror it on
  // ::1: browsers may resolve "localhost" to either address.
  const servers: Server[] = [];
  const v4 = createServer(listener);
  await listen(v4, requestedPort, "127.0.0.1");
  servers.push(v4);
  const address = v4.address();
  if (address === null || typeof address === "string") throw new Error("dev IdP: unexpected server address");
  const port = address.port;

  const v6 = createServer(listener);
  try {
    await listen(v6, port, "::1");
    servers.push(v6);
  } catch (error) {
    if (!isMissingIpv6(error)) {
      await closeAll(servers);
      throw error;
    }
  }

  const issuer = `http://localhost:${port}`;
  try {
    const provider = new Provider(issuer, buildConfiguration(redirectUris));
    const oidcCallback = provider.callback();
    handle = (req, res) => {
      const url = new URL(req.url ?? "/", issuer);
      const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
      if (!match) {
        oidcCallback(req, res);
        return;
      }
      handleInteraction(provider, req, res, match[2] !== undefined).catch((error: unknown) => {
        const text = IDP_TEXT[idpLanguage(req, url)];
        if (error instanceof errors.SessionNotFound) {
          sendHtml(res, 400, page(text, text.expiredTitle, `<p role="alert">${escapeHtml(text.expired)}</p>`));
          return;
        }
        console.error("dev IdP: interaction failed", error);
        if (!res.headersSent) sendHtml(res, 500, page(text, text.errorTitle, `<p role="alert">${escapeHtml(text.error)}</p>`));
        else res.end();
      });
    };
  } catch (error) {
    await closeAll(servers);
    throw error;
  }

  return { issuer, close: () => closeAll(servers) };
}

function buildConfiguration(redirectUris: string[]): Configuration {
  const postLogoutRedirectUris = [...new Set(redirectUris.map((uri) => `${new URL(uri).origin}/`))];
  // A fresh key per process: tokens only need to outlive one dev session.
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  return {
    adapter: createMemoryAdapter(),
    // Explicit lifetimes keep oidc-provider from printing notices about its defaults.
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 60 * 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
    clients: [
      {
        client_id: process.env.DEV_IDP_CLIENT_ID || "landfall-local",
        client_secret: process.env.DEV_IDP_CLIENT_SECRET || "landfall-local-secret",
        // oidc-provider binds each client to exactly one auth method; basic is next-auth's default.
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
      },
    ],
    scopes: [...SCOPES],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "locale"],
      groups: ["groups"],
    },
    // next-auth builds the user from the ID token, so put the scope claims in it.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    cookies: {
      keys: ["landfall-dev-idp-cookie-key-not-secret"],
    },
    jwks: { keys: [{ ...signingKey, kid: "landfall-dev", use: "sig", alg: "RS256" }] },
    findAccount: (_ctx, sub) => {
      const user = DEMO_USERS.find((candidate) => candidate.sub === sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: () => ({
          sub: user.sub,
          email: user.email,
          email_verified: true,
          name: user.name,
          groups: [...user.groups],
          locale: undefined,
        }),
      };
    },
    // Landfall is the only (first-party) client, so grant its scopes up front
    // instead of showing a consent page (oidc-provider's skip_consent recipe).
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;

      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }

      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES.join(" "));
      await grant.save();
      return grant;
    },
  };
}

/**
 * Map-backed storage scoped to one provider instance. oidc-provider's built-in
 * fallback does the same but warns on every start, and a module-wide store
 * would leak state between IdPs started in one test process.
 */
function createMemoryAdapter(): AdapterFactory {
  const records = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string): AdapterPayload | undefined => {
    const record = records.get(key);
    if (!record) return undefined;
    if (record.expiresAt > Date.now()) return record.payload;
    records.delete(key);
    return undefined;
  };
  const findBy = (test: (payload: AdapterPayload) => boolean, prefix: string): AdapterPayload | undefined => {
    for (const key of records.keys()) {
      const payload = key.startsWith(prefix) ? live(key) : undefined;
      if (payload && test(payload)) return payload;
    }
    return undefined;
  };

  return (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        records.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        return findBy((payload) => payload.uid === uid, `${model}:`);
      },
      async findByUserCode(userCode) {
        return findBy((payload) => payload.userCode === userCode, `${model}:`);
      },
      async consume(id) {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        records.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [recordKey, record] of records) {
          const recordModel = recordKey.slice(0, recordKey.indexOf(":"));
          if (GRANT_BOUND_MODELS.has(recordModel) && record.payload.grantId === grantId) records.delete(recordKey);
        }
      },
    };
  };
}

async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  isLoginPost: boolean,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const url = new URL(req.url ?? "/", "http://localhost");
  if (details.prompt.name !== "login") {
    const text = IDP_TEXT[idpLanguage(req, url)];
    sendHtml(res, 400, page(text, text.errorTitle, `<p role="alert">${escapeHtml(text.unexpectedStep)} "${escapeHtml(details.prompt.name)}"</p>`));
    return;
  }

  if (!isLoginPost) {
    sendHtml(res, 200, loginPage(details.uid, idpLanguage(req, url)));
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  const email = form.get("email") ?? "";
  const user = findDemoUser(email);
  if (!user || form.get("password") !== DEMO_PASSWORD) {
    const language = idpLanguage(req, url, form.get("lang"));
    sendHtml(res, 200, loginPage(details.uid, language, { email, error: IDP_TEXT[language].wrong }));
    return;
  }

  await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
}

type IdpLanguage = "en" | "zh-CN";

// The demo sign-in page speaks the app's two languages: the browser's (Accept-Language), or the
// one chosen with the switch at its top (?lang=, carried through the form).
const IDP_TEXT = {
  en: {
    title: "Landfall demo sign-in",
    intro: "This is a local demo identity provider for development and tests. It is not the bureau's real sign-in.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    accounts: "Demo accounts",
    passwordIs: "Every account uses the password",
    wrong: "Unknown e-mail address or wrong password.",
    language: "Language",
    expiredTitle: "Sign-in expired",
    expired: "This sign-in attempt has expired. Go back to the application and start again.",
    errorTitle: "Error",
    error: "Something went wrong in the demo identity provider.",
    unexpectedStep: "Unexpected sign-in step",
  },
  "zh-CN": {
    title: "Landfall 演示登录",
    intro: "这是用于开发和测试的本地演示身份提供方，并非招商局的正式登录入口。",
    email: "电子邮箱",
    password: "密码",
    submit: "登录",
    accounts: "演示账号",
    passwordIs: "所有账号的密码均为",
    wrong: "电子邮箱不存在或密码错误。",
    language: "语言",
    expiredTitle: "登录已过期",
    expired: "本次登录已过期，请返回应用重新开始。",
    errorTitle: "出错了",
    error: "演示身份提供方出现错误。",
    unexpectedStep: "意外的登录步骤",
  },
} as const satisfies Record<IdpLanguage, Record<string, string>>;

type IdpText = (typeof IDP_TEXT)[IdpLanguage];

/** The language asked for with the switch, else the browser's first Chinese or English preference. */
function idpLanguage(req: IncomingMessage, url: URL, chosen: string | null = url.searchParams.get("lang")): IdpLanguage {
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  const preferred = String(req.headers["accept-language"] ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) || 0, i };
    })
    .filter((l) => l.q > 0 && (l.tag.startsWith("zh") || l.tag.startsWith("en")))
    .sort((a, b) => b.q - a.q || a.i - b.i)[0];
  return preferred?.tag.startsWith("zh") ? "zh-CN" : "en";
}

function loginPage(uid: string, language: IdpLanguage, state: { email?: string; error?: string } = {}): string {
  const text = IDP_TEXT[language];
  const accounts = DEMO_USERS.map((user) => `<li><code>${escapeHtml(user.email)}</code> (${escapeHtml(user.name)})</li>`).join("");
  const error = state.error ? `<p role="alert" class="error">${escapeHtml(state.error)}</p>` : "";
  const here = `/interaction/${encodeURIComponent(uid)}`;
  const switcher = (["zh-CN", "en"] as const)
    .map((l) => (l === language ? `<span aria-current="true">${l === "en" ? "English" : "中文"}</span>` : `<a href="${here}?lang=${l}" lang="${l}">${l === "en" ? "English" : "中文"}</a>`))
    .join(" ");
  return page(
    text,
    text.title,
    `<nav aria-label="${escapeHtml(text.language)}" class="languages">${switcher}</nav>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.intro)}</p>
${error}
<form method="post" action="${here}/login">
  <input type="hidden" name="lang" value="${language}">
  <p><label for="email">${escapeHtml(text.email)}</label><br><input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(state.email ?? "")}"></p>
  <p><label for="password">${escapeHtml(text.password)}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">${escapeHtml(text.submit)}</button></p>
</form>
<h2>${escapeHtml(text.accounts)}</h2>
<p>${escapeHtml(text.passwordIs)} <code>${escapeHtml(DEMO_PASSWORD)}</code>.</p>
<ul>${accounts}</ul>`,
  );
}

function page(text: IdpText, title: string, body: string): string {
  const lang = text === IDP_TEXT["zh-CN"] ? "zh-CN" : "en";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
input { font: inherit; padding: .4rem; width: 100%; box-sizing: border-box; min-height: 44px; }
button { font: inherit; padding: .5rem 1.25rem; min-height: 44px; }
.languages { display: flex; justify-content: flex-end; gap: 1rem; }
.languages a, .languages span { display: inline-flex; align-items: center; min-height: 44px; }
.error { color: #a40000; font-weight: 600; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > 64 * 1024) throw new Error("login form body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
}

async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolveClose, reject) => {
          server.close((error) => (error ? reject(error) : resolveClose()));
          // Browsers keep connections alive; don't let them hold close() open.
          server.closeAllConnections();
        }),
    ),
  );
}

function isMissingIpv6(error: unknown): boolean {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  return code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT";
}

function parseList(value: string | undefined): string[] | undefined {
  const items = value?.split(",").map((item) => item.trim()).filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DEV_IDP_PORT must be a port number, got "${value}"`);
  return port;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  try {
    const idp = await startDevIdp();
    console.log(`dev IdP listening on ${idp.issuer}`);
    const shutdown = (): void => {
      idp.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
