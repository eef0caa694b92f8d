// Which database the benchmark loads and reads: DATABASE_URL when given, else a dedicated
// database on the local server. Never the test suite's database.
import postgres from "postgres";

export const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

export function benchUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL || DEFAULT_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database name and a URL to it; refuses the test suite's database. */
export function targetUrl(explicit: string | undefined, fallbackName: string): { url: string; name: string } {
  const url = new URL(explicit || benchUrl(fallbackName));
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: unexpected database name "${name}"`);
  if (name === "test" || name === "postgres" || name === "template1") {
    throw new Error(`bench: refusing to load benchmark data into "${name}"; use a dedicated database such as landfall_bench`);
  }
  return { url: url.toString(), name };
}

/** Drops and creates the database (connections to it are closed first). */
export async function recreateDatabase(url: string, name: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end();
  }
}
