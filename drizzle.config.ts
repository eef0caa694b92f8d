import { defineConfig } from "drizzle-kit";

// Generation only: migrations are applied by the app (db/index.ts, scripts/app/migrate.ts),
// never by drizzle-kit against a database the app may hold open.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
});
