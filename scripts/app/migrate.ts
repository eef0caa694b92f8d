// Applies committed migrations. The app also does this at start-up (instrumentation.ts).
import { defaultDataDir, openDatabase } from "@/db";
import { loadLocalEnv } from "./load-env";

loadLocalEnv();
const database = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: defaultDataDir() });
try {
  await database.migrate();
  console.log(`[landfall] ${database.kind} database migrated`);
} finally {
  await database.close();
}
