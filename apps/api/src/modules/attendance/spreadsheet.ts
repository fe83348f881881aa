import ExcelJS from 'exceljs';

/** A table to export: header labels and rows of text or numbers (null = empty cell). */
export interface Sheet {
  name: string;
  headers: string[];
  rows: Array<Array<string | number | null>>;
  /** columns holding a 0–1 share, shown as a percentage */
  percentColumns?: number[];
}

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A text cell that a spreadsheet would read as a formula (= + - @, or a leading tab / CR that some
 * programs strip first) gets a leading apostrophe, so a member named "=HYPERLINK(...)" stays text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line ends, formula-safe text. */
export function toCsv(sheet: Sheet): Buffer {
  const cell = (v: string | number | null, col: number): string => {
    if (v === null) return '';
    if (typeof v === 'number') return sheet.percentColumns?.includes(col) ? `${(v * 100).toFixed(1)}%` : String(v);
    return csvField(neutraliseFormula(v));
  };
  const lines = [sheet.headers, ...sheet.rows].map((row) => row.map((v, i) => cell(v, i)).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(sheet.headers).font = { bold: true };
  // Strings are written as strings (never as formulas); numbers stay numbers so they can be summed.
  for (const row of sheet.rows) ws.addRow(row.map((v) => v ?? ''));
  sheet.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(h.length, ...sheet.rows.map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, longest * 2 + 2));
    if (sheet.percentColumns?.includes(i)) col.numFmt = '0.0%';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function renderSheet(sheet: Sheet, format: ExportFormat): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(toCsv(sheet)) : toXlsx(sheet);
}

/**
 * `attachment` with an ASCII fallback and the real (e.g. Chinese) name as RFC 5987 `filename*`.
 * Characters file systems refuse are replaced.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const safe = fileName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim() || asciiFallback;
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
