import { cookies } from "next/headers";
import postgres from "postgres";

interface Row {
  id: string;
  name_zh: string | null;
  name_en: string | null;
  credit_code: string | null;
  country: string | null;
  province: string | null;
  city: string | null;
  size: string | null;
  ownership: string | null;
}

const store = globalThis as unknown as { bareSql?: postgres.Sql };

/** One pool per process, opened on the first request (never by `next build`), set up as Landfall's. */
function sql(): postgres.Sql {
  store.bareSql ??= postgres(process.env.DATABASE_URL!, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    idle_timeout: 30,
    onnotice: () => {},
    connection: { jit: "off" },
  });
  return store.bareSql;
}

export default async function Page() {
  const session = (await cookies()).get("authjs.session-token")?.value;
  const rows = await sql()<Row[]>`
    select id, name_zh, name_en, credit_code, country, province, city, size::text as size, ownership::text as ownership
    from enterprises where deleted_at is null order by created_at desc, id desc limit 50`;
  return (
    <main>
      <h1>Enterprises</h1>
      <p>{session ? "Signed in" : "Not signed in"}</p>
      <table>
        <thead>
          <tr>
            <th>Chinese name</th>
            <th>English name</th>
            <th>Credit code</th>
            <th>Country</th>
            <th>Province</th>
            <th>City</th>
            <th>Size</th>
            <th>Ownership</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.name_zh}</td>
              <td>{r.name_en}</td>
              <td>{r.credit_code}</td>
              <td>{r.country}</td>
              <td>{r.province}</td>
              <td>{r.city}</td>
              <td>{r.size}</td>
              <td>{r.ownership}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
