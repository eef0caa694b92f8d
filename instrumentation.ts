// Runs once when the server process starts: validate the configuration and bring the
// database schema up to date before the first request. A failure here must stop the start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  const { getDatabase } = await import("./db");
  const database = await getDatabase();
  console.log(`[landfall] database ready (${database.kind})`);
}
