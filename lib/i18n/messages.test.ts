import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { catalogues } from "./messages";

const en = catalogues.en;
const zh = catalogues["zh-CN"];
const DIR = path.resolve("lib/i18n/messages");

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** One language's files on disk, by the namespace each is named after. */
function files(locale: string): Record<string, unknown> {
  const names = readdirSync(path.join(DIR, locale)).filter((f) => f.endsWith(".json"));
  return Object.fromEntries(names.map((f) => [path.basename(f, ".json"), JSON.parse(readFileSync(path.join(DIR, locale, f), "utf8"))]));
}

/**
 * Where a catalogue and its language's files disagree: each file must be the namespace it is
 * named after, and every namespace must come from its own file. A file put under another
 * namespace (shadowing that namespace's own file, which then goes missing) is caught here.
 */
function wiringProblems(onDisk: Record<string, unknown>, catalogue: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [namespace, content] of Object.entries(onDisk)) {
    if (!(namespace in catalogue)) problems.push(`${namespace}.json is not in the catalogue`);
    else if (!isDeepStrictEqual(catalogue[namespace], content)) problems.push(`the catalogue's ${namespace} is not ${namespace}.json`);
  }
  for (const namespace of Object.keys(catalogue)) if (!(namespace in onDisk)) problems.push(`${namespace} has no ${namespace}.json`);
  return problems;
}

describe("message catalogues", () => {
  it("have the same keys in zh-CN and en, none empty", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    const empty = (obj: object) => keys(obj).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) === "");
    expect(empty(en)).toEqual([]);
    expect(empty(zh)).toEqual([]);
  });

  it("have the same files in zh-CN and en, one namespace each", () => {
    expect(Object.keys(files("zh-CN")).sort()).toEqual(Object.keys(files("en")).sort());
    expect(readdirSync(DIR).sort()).toEqual(["en", "index.ts", "zh-CN"]);
  });

  it("hold each namespace's file, under the namespace it is named after, and nothing else", () => {
    expect(wiringProblems(files("en"), en)).toEqual([]);
    expect(wiringProblems(files("zh-CN"), zh)).toEqual([]);
  });

  it("a file under another namespace than its own is caught", () => {
    const onDisk = files("en");
    // What spreading {nav} and {user: …nav's content} into one object would leave.
    const shadowed = { ...en, user: onDisk.nav };
    expect(wiringProblems(onDisk, shadowed)).toEqual(["the catalogue's user is not user.json"]);
    const { user: _dropped, ...missing } = en;
    expect(wiringProblems(onDisk, missing)).toEqual(["user.json is not in the catalogue"]);
    expect(wiringProblems({ ...onDisk, stray: {} }, en)).toEqual(["stray.json is not in the catalogue"]);
  });

  it("are compiled at build time: next.config.ts precompiles the folder they are in", () => {
    const config = readFileSync("next.config.ts", "utf8");
    const messages = /messages:\s*\{\s*path:\s*"([^"]+)"[^}]*precompile:\s*true/.exec(config);
    expect(messages && path.resolve(messages[1]!)).toBe(DIR);
  });
});
