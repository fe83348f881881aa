import { z } from 'zod';
import { Role, SessionUser } from './auth';
import { PageQuery, optionalText, text } from './common';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 -]{5,20}$/, 'phone')
  .transform((v) => v.replace(/[ -]/g, ''));

export const MemberInput = z.strictObject({
  email,
  name: text(60),
  roles: z.array(Role).min(1).max(6).refine((r) => new Set(r).size === r.length, 'duplicate roles'),
  isStandingCommittee: z.boolean().default(false),
  sectorId: z.uuid().nullable().default(null),
  committeeId: z.uuid().nullable().default(null),
  departmentId: z.uuid().nullable().default(null),
  phone: phone.nullable().optional(),
  affiliation: optionalText(200),
  /** Optional initial password; without it the account gets a random one and must be reset by the office. */
  password: z.string().min(10).max(256).optional(),
});
export type MemberInput = z.infer<typeof MemberInput>;

export const MemberPatch = MemberInput.omit({ password: true }).partial().extend({
  active: z.boolean().optional(),
  password: z.string().min(10).max(256).optional(),
});
export type MemberPatch = z.infer<typeof MemberPatch>;

/** A directory entry: the session user's fields plus names and contact details (blank when the viewer may not see them). */
export const Member = SessionUser.extend({
  sectorName: z.string().nullable(),
  committeeName: z.string().nullable(),
  departmentName: z.string().nullable(),
  phone: z.string().nullable(),
  affiliation: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  sectorId: z.uuid().optional(),
  committeeId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  role: Role.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** One row of a member import file, after the header is mapped (see IMPORT_COLUMNS). */
export const IMPORT_COLUMNS = {
  name: ['name', '姓名'],
  email: ['email', '邮箱', '电子邮箱'],
  phone: ['phone', '电话', '手机', '手机号'],
  sector: ['sector', '界别'],
  committee: ['committee', '专委会', '专门委员会'],
  department: ['department', '单位', '承办单位'],
  roles: ['roles', '角色'],
  standingCommittee: ['standing_committee', '常委'],
  affiliation: ['affiliation', '工作单位及职务', '工作单位'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

export const ImportRowIssue = z.object({ column: z.string(), code: z.string(), message: z.string() });
export const ImportPreviewRow = z.object({
  row: z.number().int(),
  values: z.record(z.string(), z.string()),
  issues: z.array(ImportRowIssue),
});
export const ImportPreview = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** header issues (missing required columns, unknown columns) */
  fileIssues: z.array(ImportRowIssue),
  rows: z.array(ImportPreviewRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportResult = z.object({ created: z.number().int() });
export const MEMBER_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const MEMBER_IMPORT_MAX_ROWS = 5000;
