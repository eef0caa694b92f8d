import { existsSync } from "node:fs";

/** Scripts outside Next read the same .env.local that Next reads; real env vars win. */
export function loadLocalEnv() {
  if (process.env.LANDFALL_NO_ENV_FILES) return;
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
