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
  })
  .superRefine((env, ctx) => {
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
  const parsed = schema.safeParse(source);
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
