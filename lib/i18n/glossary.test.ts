import { describe, expect, it } from "vitest";
import { GLOSSARY } from "./glossary";
import { catalogues } from "./messages";

/** Every string of a catalogue with its key. */
function strings(obj: object, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    typeof v === "object" && v ? strings(v, `${prefix}${k}.`) : typeof v === "string" ? [[`${prefix}${k}`, v]] : [],
  );
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Half-width brackets or punctuation next to Chinese text, where Chinese writes full-width （）：；，！？. */
function halfWidthInChinese(text: string): string[] {
  const found: string[] = [];
  // Placeholders and ICU syntax ({count, plural, …}) are not text.
  const plain = text.replace(/\{[^{}]*\}/g, "0");
  for (const m of plain.matchAll(/\(([^()]*)\)/g)) if (HAN.test(m[1]!)) found.push(m[0]);
  for (const m of plain.matchAll(/[\u3400-\u9fff][:;!?]|[,;:!?]\s*[\u3400-\u9fff]/g)) found.push(m[0]);
  return found;
}

/** Where a catalogue's strings use a word the glossary replaced, with the word to use instead. */
function replacedUses(entries: [string, string][], side: "zh" | "en"): string[] {
  return entries.flatMap(([key, text]) =>
    GLOSSARY.flatMap((e) => e.replaced[side].filter((word) => text.includes(word)).map((word) => `${key}: “${word}” → “${e[side]}”`)),
  );
}

describe("the glossary", () => {
  it("names every term once, in both languages, and no term it replaced", () => {
    const chosen = GLOSSARY.flatMap((e) => [e.zh, e.en]);
    expect(new Set(chosen).size).toBe(chosen.length);
    for (const e of GLOSSARY) {
      expect(e.replaced.zh).not.toContain(e.zh);
      expect(e.replaced.en).not.toContain(e.en);
    }
  });

  for (const [locale, side] of [["zh-CN", "zh"], ["en", "en"]] as const) {
    it(`no ${locale} string uses a term the glossary replaced`, () => {
      expect(replacedUses(strings(catalogues[locale]), side)).toEqual([]);
    });
  }

  it("finds a replaced term and half-width brackets around Chinese", () => {
    expect(replacedUses([["myDay.title", "我的一天"], ["nav.myDay", "我的今日"]], "zh")).toEqual(["myDay.title: “我的一天” → “我的今日”"]);
    expect(halfWidthInChinese("签约额(万元)")).toEqual(["(万元)"]);
    expect(halfWidthInChinese("签约额: {amount}")).toEqual(["额:"]);
    expect(halfWidthInChinese("可含数字、空格及 + - ( )，至少五位数字。")).toEqual([]);
    expect(halfWidthInChinese("{count, plural, =0 {暂无项目} other {# 个项目}}")).toEqual([]);
    expect(halfWidthInChinese("请输入以 http:// 开头的网址。")).toEqual([]);
  });
});

describe("Chinese strings", () => {
  it("use full-width brackets and punctuation around Chinese text", () => {
    const wrong = strings(catalogues["zh-CN"]).flatMap(([key, text]) => halfWidthInChinese(text).map((m) => `${key}: ${m}`));
    expect(wrong).toEqual([]);
  });
});
