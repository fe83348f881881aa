import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { IMPORT_COLUMNS, ImportColumn, ImportPreview, MEMBER_IMPORT_MAX_ROWS, Role, ROLES } from '@xieshang/contracts';
import { memberProfileIssues } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { assertZipWithinLimits } from '../../common/zip-guard';

export type RawRow = { row: number; values: Partial<Record<ImportColumn, string>> };
export interface ParsedFile {
  headerIssues: ImportPreview['fileIssues'];
  rows: RawRow[];
}

/** Role names as people write them in a spreadsheet, in either language. */
const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  办公室: 'admin', 管理员: 'admin', 主席: 'chair', 副主席: 'chair', 主持人: 'chair', 委员: 'member',
  承办单位: 'department', 部门: 'department', 联络员: 'department', 领导: 'leader', 党政领导: 'leader', 列席: 'observer', 观察员: 'observer',
};
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Decode CSV bytes: UTF-8 (with or without BOM), else GBK, which Excel on Chinese Windows writes. */
export function decodeCsv(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(buf);
    } catch {
      throw new AppException('UNSUPPORTED_MEDIA_TYPE', undefined, [{ path: 'file', code: 'encoding', message: 'The file is neither UTF-8 nor GBK text' }]);
    }
  }
}

async function readGrid(buf: Buffer): Promise<string[][]> {
  if (buf.subarray(0, 4).equals(XLSX_MAGIC)) {
    assertZipWithinLimits(buf);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new AppException('UNSUPPORTED_MEDIA_TYPE', undefined, [{ path: 'file', code: 'bad_xlsx', message: 'Not a readable XLSX workbook' }]);
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const grid: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text?.trim() ?? '';
      });
      grid[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(grid, (r) => r ?? []);
  }
  if (buf.includes(0)) {
    throw new AppException('UNSUPPORTED_MEDIA_TYPE', undefined, [{ path: 'file', code: 'binary', message: 'Upload a CSV or XLSX file' }]);
  }
  try {
    return parseCsv(decodeCsv(buf), { relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
  } catch (e) {
    throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'file', code: 'bad_csv', message: (e as Error).message.slice(0, 200) }]);
  }
}

/** Map the header row onto known columns (English or Chinese names) and collect the data rows. */
export async function parseImportFile(buf: Buffer): Promise<ParsedFile> {
  const grid = await readGrid(buf);
  const headerIndex = grid.findIndex((r) => r.some((c) => c !== ''));
  if (headerIndex < 0) return { headerIssues: [{ column: '', code: 'empty', message: 'The file has no rows' }], rows: [] };
  const header = grid[headerIndex].map((h) => h.trim().toLowerCase());
  const mapping = new Map<number, ImportColumn>();
  const headerIssues: ImportPreview['fileIssues'] = [];
  header.forEach((h, i) => {
    if (!h) return;
    const col = (Object.keys(IMPORT_COLUMNS) as ImportColumn[]).find((k) => (IMPORT_COLUMNS[k] as readonly string[]).some((alias) => alias.toLowerCase() === h));
    if (col) mapping.set(i, col);
    else headerIssues.push({ column: grid[headerIndex][i], code: 'unknown_column', message: `Unknown column "${grid[headerIndex][i]}"` });
  });
  for (const required of ['name', 'email'] as const) {
    if (![...mapping.values()].includes(required)) headerIssues.push({ column: required, code: 'missing_column', message: `Missing column "${required}"` });
  }
  const rows: RawRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (!cells.some((c) => c && c.trim() !== '')) continue;
    const values: RawRow['values'] = {};
    mapping.forEach((col, idx) => (values[col] = (cells[idx] ?? '').trim()));
    rows.push({ row: i + 1, values });
  }
  if (rows.length > MEMBER_IMPORT_MAX_ROWS) {
    headerIssues.push({ column: '', code: 'too_many_rows', message: `At most ${MEMBER_IMPORT_MAX_ROWS} rows per file` });
  }
  return { headerIssues, rows };
}

export interface OrgLookup {
  sectors: Map<string, string>;
  committees: Map<string, string>;
  departments: Map<string, string>;
}

export interface ValidRow {
  email: string;
  name: string;
  phone: string | null;
  roles: Role[];
  isStandingCommittee: boolean;
  sectorId: string | null;
  committeeId: string | null;
  departmentId: string | null;
  affiliation: string | null;
}

const emailSchema = z.email().max(254);

/** Check every row against the rules and the organisation; returns issues per row and the clean rows. */
export function validateRows(rows: RawRow[], org: OrgLookup, existingEmails: Set<string>): { preview: ImportPreview['rows']; valid: ValidRow[] } {
  const seen = new Map<string, number>();
  const preview: ImportPreview['rows'] = [];
  const valid: ValidRow[] = [];
  for (const { row, values } of rows) {
    const issues: ImportPreview['rows'][number]['issues'] = [];
    const add = (column: string, code: string, message: string) => issues.push({ column, code, message });
    const name = values.name ?? '';
    if (!name) add('name', 'required', 'Name is required');
    else if (name.length > 60) add('name', 'too_long', 'Name is longer than 60 characters');
    const email = (values.email ?? '').toLowerCase();
    if (!email) add('email', 'required', 'Email is required');
    else if (!emailSchema.safeParse(email).success) add('email', 'invalid', 'Not a valid email address');
    else if (existingEmails.has(email)) add('email', 'taken', 'An account with this email exists');
    else if (seen.has(email)) add('email', 'duplicate', `Same email as row ${seen.get(email)}`);
    if (email) seen.set(email, seen.get(email) ?? row);
    const phone = (values.phone ?? '').replace(/[ -]/g, '');
    if (phone && !/^\+?[0-9]{5,20}$/.test(phone)) add('phone', 'invalid', 'Not a valid phone number');
    const roles: Role[] = [];
    for (const part of (values.roles ?? '').split(/[,，、;；\s]+/).filter(Boolean)) {
      const role = ROLE_ALIASES[part.toLowerCase()] ?? ROLE_ALIASES[part];
      if (!role) add('roles', 'unknown_role', `Unknown role "${part}"`);
      else if (!roles.includes(role)) roles.push(role);
    }
    if (roles.length === 0) roles.push('member');
    const sc = (values.standingCommittee ?? '').toLowerCase();
    if (!YES.has(sc) && !NO.has(sc)) add('standingCommittee', 'invalid', 'Write 是 or 否 (yes or no)');
    const lookup = (kind: keyof OrgLookup, column: ImportColumn) => {
      const v = values[column];
      if (!v) return null;
      const id = org[kind].get(v);
      if (!id) add(column, 'unknown', `No ${column} named "${v}"`);
      return id ?? null;
    };
    const sectorId = lookup('sectors', 'sector');
    const committeeId = lookup('committees', 'committee');
    const departmentId = lookup('departments', 'department');
    for (const issue of memberProfileIssues({ roles, departmentId })) add('department', issue.code, 'A department liaison needs a department');
    const affiliation = values.affiliation ?? '';
    if (affiliation.length > 200) add('affiliation', 'too_long', 'Longer than 200 characters');
    preview.push({ row, values: values as Record<string, string>, issues });
    if (issues.length === 0) {
      valid.push({ email, name, phone: phone || null, roles, isStandingCommittee: YES.has(sc), sectorId, committeeId, departmentId, affiliation: affiliation || null });
    }
  }
  return { preview, valid };
}

/** The template offered for download: the headers in Chinese, with one example row. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('委员');
  ws.addRow(['姓名', '邮箱', '手机', '界别', '专委会', '单位', '角色', '常委', '工作单位及职务']);
  ws.addRow(['张三', 'zhangsan@example.org', '13800000000', '经济界', '经济委员会', '', '委员', '否', '某公司 总经理']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
