import ExcelJS from 'exceljs';
import type { Invitation, MemberAttendance } from '@xieshang/contracts';
import { CHECK_IN_TOKEN_SECONDS } from '@xieshang/contracts';
import { AttendanceService } from '../src/modules/attendance/attendance.service';
import { checkInCode, checkInWindow } from '../src/modules/attendance/check-in-code';
import { createMeeting, hoursFromNow, meetingSecret, userIds } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

// Under the multi-project runner the api project's testTimeout is not applied; booting an app can take over 5 s on a busy machine.
jest.setTimeout(30_000);

const PUBLIC_URL = 'https://xieshang.example.org/';

async function readXlsx(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A small RFC 4180 reader, enough to prove the export quotes what it must. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

/** Start a window-sensitive step with at least 5 s left in the current 30 s window, so it cannot roll over mid-test. */
async function awayFromWindowEnd(): Promise<void> {
  const left = CHECK_IN_TOKEN_SECONDS * 1000 - (Date.now() % (CHECK_IN_TOKEN_SECONDS * 1000));
  if (left < 5000) await new Promise((r) => setTimeout(r, left + 50));
}

const fileNameOf = (disposition: string | null) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')![1]);

describe('check-in and attendance (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let leader: TestClient;
  let m1: TestClient;
  let m2: TestClient;
  let m3: TestClient;
  let ids: Record<'chair' | 'm1' | 'm2' | 'm3' | 'm4', string>;

  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { PUBLIC_URL } });
    [admin, chair, leader, m1, m2, m3] = await Promise.all(['admin', 'chair', 'leader', 'member01', 'member02', 'member03'].map((u) => t.as(`${u}@demo.local`)));
    const [c, u1, u2, u3, u4] = await userIds(t.ds, 'chair@demo.local', 'member01@demo.local', 'member02@demo.local', 'member03@demo.local', 'member04@demo.local');
    ids = { chair: c, m1: u1, m2: u2, m3: u3, m4: u4 };
  });
  afterAll(() => t.close());

  describe('room check-in with the rotating code', () => {
    it('gives the office the projector code and a link on PUBLIC_URL; the code rotates every 30 s', async () => {
      const meeting = await createMeeting(t.ds, { startsAt: hoursFromNow(1), invitees: [ids.m1] });
      const res = await admin.get(`/api/meetings/${meeting.id}/check-in-token`);
      expect(res.status).toBe(200);
      expect(res.body.token).toMatch(/^[A-Z2-7]{10}$/);
      expect(res.body.url).toBe(`https://xieshang.example.org/meetings/${meeting.id}/check-in?code=${res.body.token}`);
      expect(res.body.rotatesEverySeconds).toBe(CHECK_IN_TOKEN_SECONDS);
      const expires = Date.parse(res.body.expiresAt);
      expect(expires).toBeGreaterThan(Date.now() - 1000);
      expect(expires).toBeLessThanOrEqual(Date.now() + CHECK_IN_TOKEN_SECONDS * 1000);
      expect(expires % (CHECK_IN_TOKEN_SECONDS * 1000)).toBe(0);
      // Derived from the meeting's secret; the secret itself never leaves the server.
      expect([checkInCode(await meetingSecret(t.ds, meeting.id), meeting.id, checkInWindow(Date.now())), checkInCode(await meetingSecret(t.ds, meeting.id), meeting.id, checkInWindow(Date.now()) - 1)]).toContain(res.body.token);
      expect(JSON.stringify((await admin.get(`/api/meetings/${meeting.id}/invitations`)).body)).not.toMatch(/secret/i);
    });

    it('accepts the current and the previous window, refuses an older one; scanning twice is harmless', async () => {
      const meeting = await createMeeting(t.ds, { startsAt: hoursFromNow(1.5), invitees: [ids.m1, ids.m2, ids.m3] });
      const secret = await meetingSecret(t.ds, meeting.id);
      const path = `/api/meetings/${meeting.id}/check-in`;
      await awayFromWindowEnd();
      const now = checkInWindow(Date.now());

      const current = (await admin.get(`/api/meetings/${meeting.id}/check-in-token`)).body.token as string;
      const first = await m1.post<Invitation>(path, { token: current.toLowerCase() });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ userId: ids.m1, state: 'checked_in', checkInMode: 'room' });
      const again = await m1.post<Invitation>(path, { token: current });
      expect(again.body).toEqual(first.body);

      const previous = await m2.post<Invitation>(path, { token: checkInCode(secret, meeting.id, now - 1) });
      expect(previous.body).toMatchObject({ state: 'checked_in', checkInMode: 'room' });

      for (const token of [checkInCode(secret, meeting.id, now - 3), checkInCode(secret, meeting.id, now + 5), 'AAAAAAAAAA']) {
        const old = await m3.post(path, { token });
        expect([old.status, old.body.error.code]).toEqual([400, 'CHECK_IN_CODE_INVALID']);
      }
      // Another meeting's code is not this meeting's code.
      const elsewhere = await createMeeting(t.ds, { startsAt: hoursFromNow(1) });
      const foreign = await m3.post(path, { token: checkInCode(await meetingSecret(t.ds, elsewhere.id), elsewhere.id, now) });
      expect(foreign.body.error.code).toBe('CHECK_IN_CODE_INVALID');

      const audit = await t.ds.query(`SELECT data FROM audit_log WHERE action = 'invitation.checked_in' AND entity_id = $1`, [meeting.invitation.get(ids.m1)]);
      expect(audit).toEqual([{ data: expect.objectContaining({ mode: 'room', meetingId: meeting.id }) }]);
    });

    it('is open from 2 h before the start to the end, for notified/materials_sent/live meetings only', async () => {
      const cases = [
        { startsAt: hoursFromNow(3), state: 'notified' as const },
        { startsAt: hoursFromNow(-5), endsAt: hoursFromNow(-1), state: 'materials_sent' as const },
        { startsAt: hoursFromNow(1), state: 'preparing' as const },
        { startsAt: hoursFromNow(-1), state: 'minutes' as const },
        { startsAt: hoursFromNow(1), state: 'cancelled' as const },
      ];
      for (const c of cases) {
        const meeting = await createMeeting(t.ds, { ...c, invitees: [ids.m1] });
        const token = checkInCode(await meetingSecret(t.ds, meeting.id), meeting.id, checkInWindow(Date.now()));
        const res = await m1.post(`/api/meetings/${meeting.id}/check-in`, { token });
        expect([c.state, res.status, res.body.error.code]).toEqual([c.state, 409, 'CHECK_IN_NOT_OPEN']);
        expect((await admin.get(`/api/meetings/${meeting.id}/check-in-token`)).body.error.code).toBe('CHECK_IN_NOT_OPEN');
      }
      // A live session that runs over its scheduled end stays open.
      const overrun = await createMeeting(t.ds, { state: 'live', startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-0.5), invitees: [ids.m1] });
      const token = checkInCode(await meetingSecret(t.ds, overrun.id), overrun.id, checkInWindow(Date.now()));
      expect((await m1.post<Invitation>(`/api/meetings/${overrun.id}/check-in`, { token })).body.state).toBe('checked_in');
    });

    it('refuses someone not invited (NOT_INVITED)', async () => {
      const meeting = await createMeeting(t.ds, { state: 'live', startsAt: hoursFromNow(-0.2), invitees: [ids.m1] });
      const token = checkInCode(await meetingSecret(t.ds, meeting.id), meeting.id, checkInWindow(Date.now()));
      const res = await m2.post(`/api/meetings/${meeting.id}/check-in`, { token });
      expect([res.status, res.body.error.code]).toEqual([403, 'NOT_INVITED']);
    });
  });

  it('lets staff check an invitee in (office only), whatever they replied before', async () => {
    const meeting = await createMeeting(t.ds, { startsAt: hoursFromNow(0.5), invitees: [{ userId: ids.m1, state: 'declined' }, ids.m2] });
    const other = await createMeeting(t.ds, { startsAt: hoursFromNow(0.5), invitees: [ids.m3] });
    const path = (invitationId: string) => `/api/meetings/${meeting.id}/invitations/${invitationId}/check-in`;

    const res = await admin.post<Invitation>(path(meeting.invitation.get(ids.m1)!));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: ids.m1, state: 'checked_in', checkInMode: 'staff' });
    expect((await admin.post<Invitation>(path(meeting.invitation.get(ids.m1)!))).body).toEqual(res.body);

    expect((await chair.post(path(meeting.invitation.get(ids.m2)!))).status).toBe(403);
    expect((await m2.post(path(meeting.invitation.get(ids.m2)!))).status).toBe(403);
    const foreign = await admin.post(path(other.invitation.get(ids.m3)!));
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('checks in remotely through the service the live module calls (null when not invited; idempotent; joins a transaction)', async () => {
    const service = t.app.get(AttendanceService);
    const meeting = await createMeeting(t.ds, { state: 'live', startsAt: hoursFromNow(-0.1), invitees: [ids.m1, ids.m2] });

    const remote = await service.checkInRemote(meeting.id, ids.m1);
    expect(remote).toMatchObject({ userId: ids.m1, state: 'checked_in', checkInMode: 'remote' });
    expect(await service.checkInRemote(meeting.id, ids.m1)).toEqual(remote);
    expect(await service.checkInRemote(meeting.id, ids.m3)).toBeNull();

    // Inside the caller's transaction: a rollback undoes the check-in.
    await expect(t.ds.transaction(async (m) => {
      expect((await service.checkInRemote(meeting.id, ids.m2, m))?.state).toBe('checked_in');
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect((await m2.get(`/api/meetings/${meeting.id}/invitation`)).body.state).toBe('invited');
  });

  describe('reports', () => {
    it('lists a meeting\'s attendance (office, chair, leader; not members), null until the meeting ends', async () => {
      const meeting = await createMeeting(t.ds, { startsAt: hoursFromNow(0.5), invitees: [{ userId: ids.m1, state: 'checked_in' }, ids.m2] });
      const before = await leader.get<Invitation[]>(`/api/meetings/${meeting.id}/attendance`);
      expect(before.status).toBe(200);
      expect(before.body.map((i) => i.attendance)).toEqual([null, null]);
      expect((await m1.get(`/api/meetings/${meeting.id}/attendance`)).status).toBe(403);
      expect((await chair.get(`/api/meetings/${meeting.id}/attendance`)).status).toBe(200);

      await t.ds.query(`UPDATE meetings SET state = 'minutes' WHERE id = $1`, [meeting.id]);
      await t.ds.query(`UPDATE meeting_invitations SET attendance = CASE WHEN state = 'checked_in' THEN 'present' ELSE 'absent' END WHERE meeting_id = $1`, [meeting.id]);
      const after = await admin.get<Invitation[]>(`/api/meetings/${meeting.id}/attendance`);
      expect(Object.fromEntries(after.body.map((i) => [i.userId, i.attendance]))).toEqual({ [ids.m1]: 'present', [ids.m2]: 'absent' });
    });

    it('exports a meeting as CSV: BOM, RFC 4180 quoting, formula guard, Chinese headers and file name', async () => {
      const tricky = '=HYPERLINK("http://evil.example","点我"),张三';
      await t.ds.query(`UPDATE users SET name = $2 WHERE id = $1`, [ids.m4, tricky]);
      const meeting = await createMeeting(t.ds, {
        title: '关于"城市更新"的专题协商会',
        startsAt: new Date('2026-03-10T01:30:00Z'),
        state: 'minutes',
        invitees: [{ userId: ids.m1, state: 'checked_in', checkInMode: 'staff', attendance: 'present' }, { userId: ids.m4, state: 'declined', attendance: 'absent' }],
      });
      await t.ds.query(`UPDATE meeting_invitations SET leave_reason = $2 WHERE id = $1`, [meeting.invitation.get(ids.m4), '-出差, 在"外地"\r\n一周']);

      const res = await admin.get(`/api/meetings/${meeting.id}/attendance/export?format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(fileNameOf(res.headers.get('content-disposition'))).toBe('关于 城市更新 的专题协商会-出席情况.csv');
      const buf = res.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(buf.subarray(3).toString('utf8'));
      expect(rows[0]).toEqual(['姓名', '界别', '专委会', '单位', '回复', '请假/不参加事由', '审批意见', '签到方式', '签到时间', '出席情况']);
      const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(rows).toHaveLength(3);
      // The formula is neutralised (leading apostrophe) and the comma/quotes survive quoting.
      expect(byName.get(`'${tricky}`)).toEqual([`'${tricky}`, expect.any(String), expect.any(String), '', '不参加', `'-出差, 在"外地"\r\n一周`, '', '', '', '缺席']);
      const present = [...byName.values()].find((r) => r[9] === '出席')!;
      // Shown in the organisation's time zone (Asia/Shanghai).
      expect(present.slice(7)).toEqual(['工作人员代签', '2026-03-10 09:30', '出席']);
      expect(buf.toString('utf8')).toContain('"\'=HYPERLINK(""http://evil.example"",""点我""),张三"');
    });

    it('exports a meeting as XLSX in the viewer\'s language, parsed back with exceljs', async () => {
      const meeting = await createMeeting(t.ds, {
        title: 'Budget review 预算审议',
        state: 'closed',
        startsAt: hoursFromNow(-48),
        invitees: [{ userId: ids.m1, state: 'leave_approved', attendance: 'excused' }, { userId: ids.m2, state: 'checked_in', checkInMode: 'remote', attendance: 'present' }],
      });
      const [adminId] = await userIds(t.ds, 'admin@demo.local');
      await t.ds.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [adminId]);
      try {
        const res = await admin.get(`/api/meetings/${meeting.id}/attendance/export?format=xlsx`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(res.headers.get('content-disposition')).toContain('filename="meeting-attendance.xlsx"');
        expect(fileNameOf(res.headers.get('content-disposition'))).toBe('Budget review 预算审议 - attendance.xlsx');
        const rows = await readXlsx(res.body as Buffer);
        expect(rows[0]).toEqual(['Name', 'Sector', 'Committee', 'Department', 'Reply', 'Reason for absence', 'Leave decision comment', 'Check-in', 'Checked in at', 'Attendance']);
        expect(rows.slice(1).map((r) => [r[4], r[7], r[9]]).sort()).toEqual([['Checked in', 'Remote', 'Present'], ['Leave approved', '', 'Excused']].sort());
      } finally {
        await t.ds.query(`UPDATE users SET locale = 'zh-CN' WHERE id = $1`, [adminId]);
      }
      // Default export format is XLSX.
      expect((await admin.get(`/api/meetings/${meeting.id}/attendance/export`)).headers.get('content-type')).toContain('spreadsheetml');
      expect((await m1.get(`/api/meetings/${meeting.id}/attendance/export`)).status).toBe(403);
    });

    it('counts each member\'s year over ended meetings only, in the organisation\'s year; filters, sorts and pages', async () => {
      const [m5, m6] = await userIds(t.ds, 'member05@demo.local', 'member06@demo.local');
      const at = (iso: string) => new Date(iso);
      await createMeeting(t.ds, { state: 'minutes', startsAt: at('2031-03-01T02:00:00Z'), invitees: [{ userId: m5, attendance: 'present', state: 'checked_in' }, { userId: m6, attendance: 'absent' }] });
      await createMeeting(t.ds, { state: 'closed', startsAt: at('2031-06-01T02:00:00Z'), invitees: [{ userId: m5, attendance: 'excused', state: 'leave_approved' }, { userId: m6, attendance: 'present', state: 'checked_in' }] });
      // 2031-12-31 17:00 UTC is already 2032 in Shanghai: not counted for 2031.
      await createMeeting(t.ds, { state: 'minutes', startsAt: at('2031-12-31T17:00:00Z'), invitees: [{ userId: m5, attendance: 'absent' }] });
      // Not ended yet (and cancelled): not counted.
      await createMeeting(t.ds, { state: 'notified', startsAt: at('2031-09-01T02:00:00Z'), invitees: [m5] });
      await createMeeting(t.ds, { state: 'cancelled', startsAt: at('2031-10-01T02:00:00Z'), invitees: [m5] });
      // An ended meeting whose attendance was not written is derived the same way (checked in → present).
      await createMeeting(t.ds, { state: 'reported', startsAt: at('2031-11-01T02:00:00Z'), invitees: [{ userId: m6, state: 'checked_in' }] });

      const res = await chair.get(`/api/attendance/members?year=2031&pageSize=200`);
      expect(res.status).toBe(200);
      const byId = new Map<string, MemberAttendance>(res.body.items.map((r: MemberAttendance) => [r.userId, r]));
      expect(byId.get(m5)).toMatchObject({ invited: 2, present: 1, excused: 1, absent: 0, rate: 0.5 });
      expect(byId.get(m6)).toMatchObject({ invited: 3, present: 2, excused: 0, absent: 1 });
      expect(byId.get(m6)!.rate).toBeCloseTo(2 / 3);
      // Every active member is listed, with zeros when they had no ended meeting.
      expect(res.body.total).toBeGreaterThanOrEqual(41);
      expect(byId.get(ids.m1)).toMatchObject({ invited: 0, present: 0, rate: 0 });
      const names = res.body.items.map((r: MemberAttendance) => r.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))));

      const next = await chair.get(`/api/attendance/members?year=2032`);
      expect(next.body.items.find((r: MemberAttendance) => r.userId === m5)).toMatchObject({ invited: 1, absent: 1 });

      const [{ sector_id: sectorId }] = await t.ds.query(`SELECT sector_id FROM users WHERE id = $1`, [m5]);
      const bySector = await leader.get(`/api/attendance/members?year=2031&sectorId=${sectorId}`);
      expect(bySector.body.items.length).toBeGreaterThan(0);
      expect(bySector.body.items.map((r: MemberAttendance) => r.userId)).toContain(m5);
      expect(bySector.body.items.every((r: MemberAttendance) => r.sectorName === byId.get(m5)!.sectorName)).toBe(true);

      const page2 = await admin.get(`/api/attendance/members?year=2031&page=2&pageSize=10`);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 10, total: res.body.total });
      expect(page2.body.items.map((r: MemberAttendance) => r.userId)).toEqual(res.body.items.slice(10, 20).map((r: MemberAttendance) => r.userId));

      expect((await m1.get(`/api/attendance/members?year=2031`)).status).toBe(403);
      expect((await admin.get(`/api/attendance/members?year=1999`)).status).toBe(400);

      const csv = await admin.get(`/api/attendance/members/export?year=2031&format=csv&sectorId=${sectorId}`);
      expect(fileNameOf(csv.headers.get('content-disposition'))).toBe('2031年委员出席统计.csv');
      const rows = parseCsv((csv.body as Buffer).subarray(3).toString('utf8'));
      expect(rows[0]).toEqual(['姓名', '界别', '应出席', '出席', '请假', '缺席', '出席率']);
      expect(rows.find((r) => r[0] === byId.get(m5)!.name)!.slice(2)).toEqual(['2', '1', '1', '0', '50.0%']);

      const xlsx = await admin.get(`/api/attendance/members/export?year=2031&format=xlsx`);
      const sheet = await readXlsx(xlsx.body as Buffer);
      expect(sheet).toHaveLength(res.body.total + 1);
      expect(sheet.find((r) => r[0] === byId.get(m6)!.name)!.slice(2, 6)).toEqual([3, 2, 0, 1]);
      expect(sheet.find((r) => r[0] === byId.get(m6)!.name)![6]).toBeCloseTo(2 / 3);
    });
  });
});
