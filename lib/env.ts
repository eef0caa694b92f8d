import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Session time-outs and request budgets: read on their own by code that runs in tests too. */
const limitsShape = {
  /** Sign-out after this long without a request (sliding). */
  SESSION_IDLE_MINUTES: positiveInt(120),
  /** Sign-out this long after signing in, however active the person is. */
  SESSION_MAX_HOURS: positiveInt(12),
  /** How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is not trusted. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Requests to the sign-in routes per client address and minute. */
  RATE_LIMIT_SIGNIN_PER_MINUTE: positiveInt(120),
  /** Import chunks (checks and imports, up to 500 rows each) per person and hour. */
  RATE_LIMIT_IMPORT_PER_HOUR: positiveInt(600),
  /** Calendar feed requests per feed address and minute. */
  RATE_LIMIT_CALENDAR_PER_MINUTE: positiveInt(30),
  /** Calendar feed requests per client address and minute. */
  RATE_LIMIT_CALENDAR_IP_PER_MINUTE: positiveInt(300),
};
const limitsSchema = z.object(limitsShape);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().optional(),
    AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be set (at least 16 characters); the demo script generates one"),
    /** The organisation's OpenID Connect issuer. Unset means the local demo identity provider. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_NAME: z.string().default("Organisation account"),
    OIDC_SCOPE: z.string().default("openid email profile groups"),
    /** Force the IdP to ask for credentials on every sign-in (handy for demo user switching). */
    OIDC_PROMPT: z.string().optional(),
    OIDC_ALLOWED_DOMAINS: list.refine((domains) => domains.length > 0, "OIDC_ALLOWED_DOMAINS must list at least one e-mail domain"),
    OIDC_GROUPS_CLAIM: z.string().default("groups"),
    /** e.g. "landfall-admins=admin,landfall-managers=manager,landfall-staff=staff" */
    OIDC_ROLE_MAP: z.string().default("landfall-admins=admin,landfall-managers=manager,landfall-staff=staff,landfall-viewers=viewer"),
    OIDC_ADMIN_EMAILS: list,
    LANDFALL_LOCAL_IDP: z.string().optional(),
    DEV_IDP_PORT: z.coerce.number().int().default(3001),
    DEV_IDP_CLIENT_ID: z.string().default("landfall-local"),
    DEV_IDP_CLIENT_SECRET: z.string().default("landfall-local-secret"),
    /** The public address; https turns on Secure cookies and Strict-Transport-Security. */
    AUTH_URL: z.url().optional(),
    /** After SIGTERM, seconds of answering 503 on /api/ready while still serving, before stopping. */
    LANDFALL_DRAIN_SECONDS: z.coerce.number().int().min(0).max(600).default(0),
    ...limitsShape,
  })
  .superRefine((env, ctx) => {
    if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60) {
      ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_MINUTES"], message: "SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_HOURS" });
    }
    if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER" });
    }
    if (!env.OIDC_ISSUER && env.NODE_ENV === "production" && env.LANDFALL_LOCAL_IDP !== "1") {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER is required in production; the local demo identity provider needs LANDFALL_LOCAL_IDP=1",
      });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validates a set of variables; throws one message naming every missing or bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(schema, source);
}

function parseWith<S extends z.ZodType>(s: S, source: Record<string, string | undefined>): z.output<S> {
  const parsed = s.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Landfall configuration is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The process's validated environment, checked once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  local: boolean;
}

export function oidcSettings(e: Env = env()): OidcSettings {
  if (e.OIDC_ISSUER) {
    return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, local: false };
  }
  return {
    issuer: `http://localhost:${e.DEV_IDP_PORT}`,
    clientId: e.DEV_IDP_CLIENT_ID,
    clientSecret: e.DEV_IDP_CLIENT_SECRET,
    local: true,
  };
}

/** Served over https (AUTH_URL says so): Secure cookies with the __Secure- prefix, and HSTS in production. */
export function servedOverHttps(e: Env = env()): boolean {
  return e.AUTH_URL?.startsWith("https://") ?? false;
}

export type Limits = z.infer<typeof limitsSchema>;

/** The time-outs and budgets from the process's environment (their defaults when unset). */
export function limits(source: Record<string, string | undefined> = process.env): Limits {
  return parseWith(limitsSchema, source);
}
