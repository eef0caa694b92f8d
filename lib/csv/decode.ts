/**
 * Text of an uploaded CSV file. UTF-8 (with or without a byte-order mark) is the norm; Excel
 * on Chinese Windows still saves "CSV" in the ANSI code page (GBK), which gb18030 reads.
 * Guessing beats showing the user a screen of mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
