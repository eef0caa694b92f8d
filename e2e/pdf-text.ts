import { inflateSync } from "node:zlib";

/**
 * The text of a PDF as Chromium writes it (page.pdf): no PDF library, only what its structure
 * needs. Each page's content streams are inflated, the strings shown with Tj/TJ are taken under
 * the font selected by Tf, and each font's ToUnicode CMap turns its glyph codes back into text.
 * Good for asserting that words are on the paper; not a general PDF reader (no object streams,
 * no encryption, no simple-font encodings without a ToUnicode map).
 */

interface PdfObject {
  dict: string;
  data: string | null;
}

/** Every "N 0 obj … endobj", its dictionary and its stream (inflated when it is Flate-encoded), as latin1 text. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endobj", start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body, data: null });
    } else {
      const dict = body.slice(0, streamAt);
      const dataStart = body.indexOf("\n", streamAt) + 1;
      const raw = Buffer.from(body.slice(dataStart, body.lastIndexOf("endstream")), "latin1");
      let data = raw;
      if (/\/FlateDecode/.test(dict)) {
        try {
          data = inflateSync(raw);
        } catch {
          data = Buffer.alloc(0);
        }
      }
      objects.set(Number(m[1]), { dict, data: data.toString("latin1") });
    }
    header.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function readCMap(cmap: string): { map: Map<string, string>; width: number } {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  let width = 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(code!.toUpperCase(), utf16(uni!));
      width = code!.length / 2;
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      const base = parseInt(dst!, 16);
      for (let c = from; c <= to; c++) map.set(c.toString(16).toUpperCase().padStart(lo!.length, "0"), utf16((base + c - from).toString(16).padStart(dst!.length, "0")));
      width = lo!.length / 2;
    }
  }
  return { map, width };
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The inline or referenced dictionary under `key` (one level of nesting is enough for fonts). */
function subDict(objects: Map<number, PdfObject>, dict: string, key: string): string {
  const r = ref(dict, key);
  if (r !== null) return objects.get(r)?.dict ?? "";
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return "";
  const open = dict.indexOf("<<", at);
  let depth = 0;
  for (let i = open; i < dict.length - 1; i++) {
    if (dict.startsWith("<<", i)) {
      depth++;
      i++;
    } else if (dict.startsWith(">>", i)) {
      depth--;
      i++;
      if (depth === 0) return dict.slice(open, i + 1);
    }
  }
  return "";
}

/** Each page's text, in the order its content shows it; runs shown separately are joined by a space. */
export function pdfPagesText(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, ReturnType<typeof readCMap>>();
  const fontMap = (fontObj: number) => {
    if (!cmaps.has(fontObj)) {
      const toUnicode = ref(objects.get(fontObj)?.dict ?? "", "ToUnicode");
      cmaps.set(fontObj, readCMap(toUnicode === null ? "" : (objects.get(toUnicode)?.data ?? "")));
    }
    return cmaps.get(fontObj)!;
  };
  const pages = [...objects.entries()].filter(([, o]) => /\/Type\s*\/Page\b(?!s)/.test(o.dict)).sort(([a], [b]) => a - b);
  return pages.map(([, page]) => {
    const fonts = new Map<string, number>();
    const fontDict = subDict(objects, subDict(objects, page.dict, "Resources"), "Font");
    for (const [, name, num] of fontDict.matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) fonts.set(name!, Number(num));
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(page.dict)?.[1] ?? "";
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map(([, n]) => objects.get(Number(n))?.data ?? "");
    const out: string[] = [];
    let font: ReturnType<typeof readCMap> | null = null;
    const token = /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|(\bET\b)/g;
    for (const content of streams) {
      for (const m of content.matchAll(token)) {
        if (m[1] !== undefined) {
          const obj = fonts.get(m[1]);
          font = obj === undefined ? null : fontMap(obj);
        } else if (m[2] !== undefined && font) {
          const hex = m[2].replace(/\s+/g, "").toUpperCase();
          const step = font.width * 2;
          let run = "";
          for (let i = 0; i + step <= hex.length; i += step) run += font.map.get(hex.slice(i, i + step)) ?? "";
          out.push(run);
        } else if (m[3] !== undefined) {
          out.push(" ");
        }
      }
    }
    return out.join("");
  });
}
