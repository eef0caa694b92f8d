// Brings the database up to date and loads the demo data. Safe to run again.
// Run it while the app is stopped when using PGlite: one data folder, one process.
import { defaultDataDir, openDatabase } from "@/db";
import { seedDemoData } from "@/db/seed";
import { loadLocalEnv } from "./load-env";

loadLocalEnv();
const database = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: defaultDataDir() });
try {
  await database.migrate();
  const { inserted } = await seedDemoData(database.db);
  console.log(`[landfall] ${database.kind} database migrated; demo data: ${inserted} new rows`);
} finally {
  await database.close();
}
