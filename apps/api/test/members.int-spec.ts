import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

describe('members and organisation (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let member: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.as('admin@demo.local');
    member = await t.as('member01@demo.local');
  });
  afterAll(() => t.close());

  const sectorId = async (name: string) => (await admin.get('/api/org/sectors')).body.find((s: { name: string }) => s.name === name).id as string;

  it('lists the demo directory with search and filters; members do not see others\' contact details', async () => {
    const all = await member.get('/api/members?pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(40 + 2 + 1 + 3); // members, chair, admin, leader... active accounts
    const other = all.body.items.find((m: { email: string; name: string }) => m.name && m.email === '' );
    expect(other).toBeDefined();
    const self = all.body.items.find((m: { email: string }) => m.email === 'member01@demo.local');
    expect(self).toBeDefined();

    const econ = await sectorId('经济界');
    const filtered = await member.get(`/api/members?sectorId=${econ}`);
    expect(filtered.body.items.length).toBeGreaterThan(0);
    expect(filtered.body.items.every((m: { sectorId: string }) => m.sectorId === econ)).toBe(true);

    const search = await member.get(`/api/members?q=${encodeURIComponent('医院')}`);
    expect(search.body.items.every((m: { affiliation: string }) => m.affiliation.includes('医院'))).toBe(true);
    expect(search.body.total).toBeGreaterThan(0);

    const adminView = await admin.get('/api/members?q=member07');
    expect(adminView.body.items[0].email).toBe('member07@demo.local');
  });

  it('rejects bad query parameters with the field named', async () => {
    const res = await member.get('/api/members?pageSize=100000&sectorId=nope');
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.pageSize', 'query.sectorId']);
  });

  it('lets only the admin create, edit and deactivate members (403 for a member)', async () => {
    const body = { email: 'new.member@demo.local', name: '新委员', roles: ['member'], sectorId: await sectorId('教育界'), password: 'initial-password-1' };
    const forbidden = await member.post('/api/members', body);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');

    const created = await admin.post('/api/members', body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ email: 'new.member@demo.local', sectorName: '教育界', active: true });

    const dup = await admin.post('/api/members', { ...body, email: 'NEW.member@demo.local' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('EMAIL_TAKEN');

    const newbie = await t.as('new.member@demo.local', 'initial-password-1');
    const edited = await admin.patch(`/api/members/${created.body.id}`, { isStandingCommittee: true, affiliation: '某中学 教师' });
    expect(edited.body).toMatchObject({ isStandingCommittee: true, affiliation: '某中学 教师' });

    const off = await admin.patch(`/api/members/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
    // Deactivation ends the member's sessions and blocks new logins.
    expect((await newbie.get('/api/auth/me')).status).toBe(401);
    const relog = await t.client().post('/api/auth/login', { email: 'new.member@demo.local', password: 'initial-password-1' });
    expect(relog.body.error.code).toBe('ACCOUNT_DISABLED');
    // Hidden from the directory, visible to the office with active=all.
    expect((await member.get(`/api/members/${created.body.id}`)).status).toBe(404);
    expect((await admin.get('/api/members?active=false')).body.items.map((m: { id: string }) => m.id)).toContain(created.body.id);

    const audit = await admin.get(`/api/audit?entity=user&entityId=${created.body.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['member.deactivated', 'member.updated', 'auth.login', 'member.created']);
    expect((await member.get('/api/audit')).status).toBe(403);
  });

  it('refuses unknown references and an admin locking themselves out', async () => {
    const bad = await admin.post('/api/members', { email: 'x@demo.local', name: 'X', roles: ['member'], sectorId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.sectorId');
    const me = (await admin.get('/api/auth/me')).body;
    const lock = await admin.patch(`/api/members/${me.id}`, { roles: ['member'] });
    expect(lock.status).toBe(403);
    expect((await admin.patch(`/api/members/${me.id}`, { active: false })).status).toBe(403);
  });

  it('requires a department for a department liaison, on create and on edit', async () => {
    const created = await admin.post('/api/members', { email: 'liaison@demo.local', name: '联络员', roles: ['department'] });
    expect(created.status).toBe(400);
    expect(created.body.error.details).toEqual([expect.objectContaining({ path: 'body.departmentId', code: 'required' })]);
    const someone = (await admin.get('/api/members?q=member09')).body.items[0];
    const edited = await admin.patch(`/api/members/${someone.id}`, { roles: ['member', 'department'] });
    expect(edited.status).toBe(400);
    expect(edited.body.error.details[0].path).toBe('body.departmentId');
    const dept = (await admin.get('/api/org/departments')).body[0].id;
    expect((await admin.patch(`/api/members/${someone.id}`, { roles: ['member', 'department'], departmentId: dept })).status).toBe(200);
    // Removing the department of a liaison is refused too.
    expect((await admin.patch(`/api/members/${someone.id}`, { departmentId: null })).status).toBe(400);
  });

  it('manages sectors, refusing to delete one still in use', async () => {
    const created = await admin.post('/api/org/sectors', { name: '新闻出版界' });
    expect(created.status).toBe(200);
    expect((await admin.post('/api/org/sectors', { name: '新闻出版界' })).body.error.code).toBe('NAME_TAKEN');
    const inUse = await admin.delete(`/api/org/sectors/${await sectorId('经济界')}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('IN_USE');
    expect((await member.delete(`/api/org/sectors/${created.body.id}`)).status).toBe(403);
    expect((await admin.delete(`/api/org/sectors/${created.body.id}`)).status).toBe(200);
    expect((await admin.get('/api/org/unknown')).status).toBe(400);
  });

  describe('import', () => {
    const csv = (rows: string[]) => Buffer.from(['姓名,邮箱,手机,界别,专委会,角色,常委', ...rows].join('\n'));

    it('previews a CSV, showing each bad row and why, and imports nothing while any row is bad', async () => {
      const file = csv([
        '甲委员,jia@demo.local,13800000001,经济界,经济委员会,委员,否',
        ',missing-name@demo.local,,,,,',
        '乙委员,not-an-email,,,,,',
        '丙委员,member01@demo.local,,,,,',
        '丁委员,ding@demo.local,,不存在界,,,',
        '戊委员,jia@demo.local,,,,,',
        '己委员,ji@demo.local,12,,,主席,也许',
      ]);
      const before = (await admin.get('/api/members?active=all')).body.total;
      const preview = await admin.upload('/api/members/import/preview', file, 'members.csv', 'text/csv');
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ totalRows: 7, validRows: 1, invalidRows: 6, fileIssues: [] });
      const issues = Object.fromEntries(preview.body.rows.map((r: { row: number; issues: { column: string; code: string }[] }) => [r.row, r.issues.map((i) => `${i.column}:${i.code}`)]));
      expect(issues).toEqual({
        2: [],
        3: ['name:required'],
        4: ['email:invalid'],
        5: ['email:taken'],
        6: ['sector:unknown'],
        7: ['email:duplicate'],
        8: ['phone:invalid', 'standingCommittee:invalid'],
      });
      const refused = await admin.upload('/api/members/import', file, 'members.csv', 'text/csv');
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('IMPORT_INVALID');
      expect((await admin.get('/api/members?active=all')).body.total).toBe(before);
    });

    it('imports a clean XLSX file with Chinese headers in one go', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('委员');
      ws.addRow(['姓名', '邮箱', '界别', '专委会', '常委', '工作单位及职务']);
      ws.addRow(['钱委员', 'qian@demo.local', '农业界', '经济委员会', '是', '某合作社 理事长']);
      ws.addRow(['孙委员', 'sun@demo.local', '教育界', '', '否', '']);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const preview = await admin.upload('/api/members/import/preview', buf, 'm.xlsx', type);
      expect(preview.body).toMatchObject({ totalRows: 2, validRows: 2, invalidRows: 0 });
      const done = await admin.upload('/api/members/import', buf, 'm.xlsx', type);
      expect(done.status).toBe(200);
      expect(done.body.created).toBe(2);
      const qian = (await admin.get('/api/members?q=qian')).body.items[0];
      expect(qian).toMatchObject({ name: '钱委员', sectorName: '农业界', committeeName: '经济委员会', isStandingCommittee: true, roles: ['member'] });
    });

    it('reads GBK-encoded CSV as Excel on Chinese Windows writes it', async () => {
      const gbk = Buffer.from('d0d5c3fb2cd3cacfe40a', 'hex'); // "姓名,邮箱\n" in GBK
      const file = Buffer.concat([gbk, Buffer.from('\n')]);
      const preview = await admin.upload('/api/members/import/preview', file, 'g.csv', 'text/csv');
      expect(preview.status).toBe(200);
      expect(preview.body.fileIssues).toEqual([]);
    });

    it('names missing columns, refuses binary junk and oversized files, and is admin-only', async () => {
      const noEmail = await admin.upload('/api/members/import/preview', Buffer.from('姓名\n张三\n'), 'x.csv', 'text/csv');
      expect(noEmail.body.fileIssues).toEqual([expect.objectContaining({ column: 'email', code: 'missing_column' })]);
      const junk = await admin.upload('/api/members/import/preview', Buffer.from([0, 1, 2, 3, 0, 0]), 'x.csv', 'text/csv');
      expect(junk.status).toBe(415);
      const big = await admin.upload('/api/members/import/preview', Buffer.alloc(3 * 1024 * 1024, 0x41), 'x.csv', 'text/csv');
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      const none = await admin.request('POST', '/api/members/import/preview', { raw: new FormData() });
      expect(none.status).toBe(400);
      expect((await member.upload('/api/members/import/preview', Buffer.from('a'), 'x.csv', 'text/csv')).status).toBe(403);
      const template = await admin.get('/api/members/import/template');
      expect(template.status).toBe(200);
      expect(template.headers.get('content-type')).toContain('spreadsheetml');
    });
  });
});
