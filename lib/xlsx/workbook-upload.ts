/**
 * Whether an uploaded file should be read as a workbook: by its first bytes (a zip, or an old
 * OLE2 .xls, which the reader then names), or by a name that says it is one, so that a CSV
 * renamed .xlsx is refused with a clear message rather than read as text. Tiny on purpose: the
 * import page imports it, and the reader (with exceljs) only when a workbook was chosen.
 */
export function isWorkbookUpload(name: string, bytes: Uint8Array): boolean {
  const zipOrOle = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  return zipOrOle || /\.(xlsx|xlsm|xls)$/i.test(name);
}
