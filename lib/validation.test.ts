import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Database } from "@/db";
import { noRecord, runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { isPlainText, optionalText, plainString, requiredText, stripControlCharacters } from "./validation";

describe("text fields", () => {
  it("refuse control characters other than tab and line breaks, with their own message", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "\u001b[2J", "a\u007fb", "evil\u202etxt.exe", "a\u2066b", "a\u000bb"]) {
      for (const schema of [optionalText(), requiredText(), plainString(50)]) {
        const r = schema.safeParse(bad);
        expect(r.success, JSON.stringify(bad)).toBe(false);
        expect(r.error?.issues[0]?.message).toBe("validation.controlCharacters");
      }
    }
    expect(t("validation.controlCharacters")).not.toBe("validation.controlCharacters");
  });

  it("keep tabs, line breaks, Chinese, emoji and text that looks like SQL or HTML", () => {
    for (const good of ["第一行\n第二行\r\n\t缩进", "溧水 🚀", "'; drop table enterprises; --", "<script>alert(1)</script>", "Ünïcödé"]) {
      expect(isPlainText(good)).toBe(true);
      expect(optionalText(200).parse(` ${good} `)).toBe(good.trim());
      expect(requiredText(200).parse(good)).toBe(good.trim());
    }
  });

  it("refuse text over the limit and non-text values", () => {
    expect(optionalText(10).safeParse("x".repeat(11)).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(requiredText(10).safeParse("x".repeat(100_000)).error?.issues[0]?.message).toBe("validation.tooLong");
    for (const wrong of [1, {}, [], null, true]) expect(optionalText().safeParse(wrong).success).toBe(false);
    expect(optionalText().parse("   ")).toBeUndefined();
    expect(requiredText().safeParse("   ").error?.issues[0]?.message).toBe("validation.required");
  });
});

describe("a value the database refuses", () => {
  let database: Database;
  let staff: Viewer;
  beforeAll(async () => {
    database = await openTestDatabase();
    staff = await makeViewer(database.db, "staff", (await makeTeam(database.db)).id);
  });
  afterAll(() => database?.close());

  const probe = (statement: string) =>
    runAction(
      {
        name: "test.probe",
        input: z.object({}),
        minRole: "staff",
        load: noRecord,
        async run({ tx }) {
          await tx.execute(sql.raw(statement));
          return { data: null, audit: [] };
        },
      },
      { viewer: staff, db: database.db, t },
      {},
    );

  it("answers 'correct the fields', not 'something went wrong', and saves nothing", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const statement of [
      "select 1e12::int4", // numeric overflow, 22003
      "select 'not-a-uuid'::uuid", // invalid text representation, 22P02
      "select '2026-02-30'::date", // datetime field overflow, 22008
      "select 1/0", // division by zero, 22012
      "insert into follow_ups (enterprise_id, title, due_on) values (gen_random_uuid(), 'x', '2026-01-01')", // foreign key, 23503
    ]) {
      expect(await probe(statement), statement).toEqual({ ok: false, message: t("errors.invalid") });
    }
    const res = (await database.db.execute(sql`select count(*)::int as n from follow_ups`)) as unknown as { rows?: { n: number }[] } & { n: number }[];
    const [row] = res.rows ?? [...res];
    expect(row!.n).toBe(0);
    vi.restoreAllMocks();
  });

  it("still answers 'something went wrong' for a fault of the program", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await probe("select * from no_such_table")).toEqual({ ok: false, message: t("errors.unexpected") });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe("search text", () => {
  it("loses its control characters and keeps the rest", () => {
    expect(stripControlCharacters("溧\u0000水\u202e 1=1\t")).toBe("溧水 1=1\t");
    expect(stripControlCharacters("\u0000\u0007")).toBe("");
  });
});
