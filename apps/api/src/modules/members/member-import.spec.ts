import ExcelJS from 'exceljs';
import { decodeCsv, parseImportFile, validateRows } from './member-import';

const org = {
  sectors: new Map([['经济界', 's1'], ['教育界', 's2']]),
  committees: new Map([['经济委员会', 'c1']]),
  departments: new Map([['市教育局', 'd1']]),
};

describe('member import parsing', () => {
  it('maps English and Chinese headers case-insensitively and skips blank lines', async () => {
    const parsed = await parseImportFile(Buffer.from('\uFEFFName,EMAIL,界别\n\n张三, zs@x.org ,经济界\n,,\n'));
    expect(parsed.headerIssues).toEqual([]);
    expect(parsed.rows).toEqual([{ row: 3, values: { name: '张三', email: 'zs@x.org', sector: '经济界' } }]);
  });

  it('reports unknown and missing columns', async () => {
    const parsed = await parseImportFile(Buffer.from('姓名,生日\n张三,1970\n'));
    expect(parsed.headerIssues.map((i) => `${i.column}:${i.code}`)).toEqual(['生日:unknown_column', 'email:missing_column']);
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRows([['姓名', '邮箱'], ['李四', 'ls@x.org']]);
    const parsed = await parseImportFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.rows).toEqual([{ row: 2, values: { name: '李四', email: 'ls@x.org' } }]);
  });

  it('decodes GBK when the bytes are not UTF-8', () => {
    expect(decodeCsv(Buffer.from('d5c5c8fd', 'hex'))).toBe('张三');
    expect(decodeCsv(Buffer.from('张三'))).toBe('张三');
  });
});

describe('member import validation', () => {
  const row = (values: Record<string, string>, n = 2) => ({ row: n, values });

  it('accepts a clean row and resolves names to ids, roles in either language', () => {
    const { valid, preview } = validateRows([row({ name: '张三', email: 'ZS@x.org', sector: '经济界', committee: '经济委员会', roles: '委员、主席', standingCommittee: '是', phone: '138-0000-0000' })], org, new Set());
    expect(preview[0].issues).toEqual([]);
    expect(valid[0]).toMatchObject({ email: 'zs@x.org', sectorId: 's1', committeeId: 'c1', roles: ['member', 'chair'], isStandingCommittee: true, phone: '13800000000' });
  });

  it('defaults the role to member and standing committee to no', () => {
    const { valid } = validateRows([row({ name: '李四', email: 'ls@x.org' })], org, new Set());
    expect(valid[0]).toMatchObject({ roles: ['member'], isStandingCommittee: false });
  });

  it('names every problem of a row', () => {
    const { preview, valid } = validateRows([row({ name: '', email: 'bad', roles: 'king', department: '无此单位' })], org, new Set());
    expect(valid).toEqual([]);
    expect(preview[0].issues.map((i) => `${i.column}:${i.code}`)).toEqual(['name:required', 'email:invalid', 'roles:unknown_role', 'department:unknown']);
  });

  it('requires a department for a department liaison', () => {
    const { preview } = validateRows([row({ name: '王五', email: 'w@x.org', roles: '联络员' })], org, new Set());
    expect(preview[0].issues.map((i) => i.code)).toEqual(['required']);
  });

  it('flags emails taken in the database and repeated in the file', () => {
    const { preview } = validateRows([row({ name: 'a', email: 'a@x.org' }, 2), row({ name: 'b', email: 'A@x.org' }, 3), row({ name: 'c', email: 'c@x.org' }, 4)], org, new Set(['c@x.org']));
    expect(preview.map((p) => p.issues.map((i) => i.code))).toEqual([[], ['duplicate'], ['taken']]);
  });
});
