/**
 * Is this an .xlsx workbook? Judged by its structure, never by its name or the type the browser
 * claims: a zip archive (local header magic, an end-of-central-directory record whose central
 * directory lies inside the file) listing the package's [Content_Types].xml and the workbook
 * part xl/workbook.xml. An old binary .xls (OLE2) and a cut-off file are told apart, and the
 * parts' declared unpacked sizes are bounded so a small file cannot unpack into gigabytes.
 * Plain module: the browser checks before it reads.
 */

export type WorkbookProblem = "legacyXls" | "notWorkbook" | "tooLargeUnpacked";

/** Declared unpacked size of all parts together; a 5 MB workbook of text unpacks to well under this. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The names and total declared unpacked size of a zip's parts; null when it is not a whole zip. */
export function zipDirectory(bytes: Uint8Array): { names: string[]; unpacked: number } | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== LOCAL_HEADER) return null;
  // The end record is the last 22 bytes, unless a comment (up to 65,535 bytes) follows it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (offset + size > end) return null;
  const names: string[] = [];
  let unpacked = 0;
  const decoder = new TextDecoder();
  let at = offset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    unpacked += view.getUint32(at + 24, true);
    if (at + 46 + nameLength > end) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { names, unpacked };
}

/** Null when the bytes are an .xlsx workbook, else what they are instead. */
export function workbookProblem(bytes: Uint8Array): WorkbookProblem | null {
  if (startsWith(bytes, OLE2)) return "legacyXls";
  const dir = zipDirectory(bytes);
  if (!dir || !dir.names.includes("[Content_Types].xml") || !dir.names.includes("xl/workbook.xml")) return "notWorkbook";
  if (dir.unpacked > MAX_UNPACKED_BYTES) return "tooLargeUnpacked";
  return null;
}

/** Whether a file's first bytes are a zip's: what tells an .xlsx from a CSV, whatever its name. */
export const looksLikeZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, OLE2);
