import { localDate } from '@xieshang/domain';
import { MeetingsService } from '../src/modules/meetings/meetings.service';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

/** The first Monday–Friday (Shanghai) at least `days` days from now; the test clears the holiday list. */
function weekdayAhead(days: number): string {
  for (let d = Date.now() + days * DAY; ; d += DAY) {
    const date = localDate(new Date(d), ZONE);
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) return date;
  }
}
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
type Warning = { rule: string; params: Record<string, string | number> };
const rules = (w: Warning[]) => w.map((x) => x.rule).sort();

/** Booting the app and seeding the demo takes seconds; more when the suites run in parallel. */
const BOOT_TIMEOUT_MS = 60_000;

describe('meetings (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let member: TestClient;
  const ids: Record<string, string> = {};
  const q = <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => t.ds.query(sql, args) as Promise<T[]>;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.as('admin@demo.local');
    chair = await t.as('chair@demo.local');
    member = await t.as('member40@demo.local');
    // Weekends only: these tests pick weekdays relative to today, whatever today is.
    await admin.patch('/api/settings', { holidays: [], makeupWorkdays: [] });
    for (const r of await q<{ id: string; email: string }>(`SELECT id, email FROM users`)) ids[r.email] = r.id;
    for (const r of await q<{ id: string; code: string }>(`SELECT id, code FROM meeting_types`)) ids[r.code] = r.id;
    for (const r of await q<{ id: string; name: string }>(`SELECT id, name FROM sectors UNION ALL SELECT id, name FROM committees`)) ids[r.name] = r.id;
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  const draft = (over: Record<string, unknown> = {}) => {
    const date = weekdayAhead(60);
    return { typeId: ids.special_consultation, title: '专题协商会（测试）', startsAt: at(date, '09:00'), endsAt: at(date, '11:00'), ...over };
  };
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/meetings', draft(over));
    if (res.status !== 200) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const invitedIds = async (meetingId: string) => (await q<{ user_id: string }>(`SELECT user_id FROM meeting_invitations WHERE meeting_id = $1 ORDER BY user_id`, [meetingId])).map((r) => r.user_id);
  const notificationsOf = (meetingId: string, kind: string) => q<{ user_id: string; params: Record<string, unknown> }>(`SELECT user_id, params FROM notifications WHERE meeting_id = $1 AND kind = $2`, [meetingId, kind]);
  const move = (client: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => client.post(`/api/meetings/${id}/transition`, { action, ...extra });

  describe('creating', () => {
    it('expands sector, committee, group and named invitees to active people', async () => {
      const observer = await admin.post('/api/members', { email: 'observer1@demo.local', name: '列席 观察员', roles: ['observer'] });
      const gone = await admin.post('/api/members', { email: 'gone@demo.local', name: '已停用', roles: ['member'], sectorId: ids['经济界'] });
      await admin.patch(`/api/members/${gone.body.id}`, { active: false });
      const invitees = { sectorIds: [ids['经济界']], committeeIds: [ids['提案委员会']], groups: ['standing_committee'], userIds: [observer.body.id, ids['dept01@demo.local']] };
      const m = await create({ invitees });

      const expected = await q<{ id: string }>(
        `SELECT id FROM users WHERE active AND (sector_id = $1 OR committee_id = $2 OR is_standing_committee OR id = ANY($3::uuid[])) ORDER BY id`,
        [ids['经济界'], ids['提案委员会'], [observer.body.id, ids['dept01@demo.local']]],
      );
      expect(await invitedIds(m.id)).toEqual(expected.map((r) => r.id));
      expect(await invitedIds(m.id)).not.toContain(gone.body.id);
      expect(m.counts).toMatchObject({ invited: expected.length, accepted: 0 });
      expect(m.invitees).toEqual({ ...invitees, departmentIds: [] });
      expect(m).toMatchObject({ state: 'planned', typeCode: 'special_consultation', speakingLimitMinutes: 5, mode: 'in_person', myInvitationState: null, allowedActions: ['start_preparing', 'cancel'] });
      expect(m.agenda.map((a: { kind: string }) => a.kind)).toEqual(['briefing', 'questions', 'department_response', 'arranged_speeches', 'free_discussion']);
      expect(m.agenda.every((a: { id: string }) => /^[0-9a-f-]{36}$/.test(a.id))).toBe(true);

      const all = await create({ typeId: ids.plenary, invitees: { groups: ['all_members'] } });
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE active AND 'member' = ANY(roles)`);
      expect(all.counts.invited).toBe(n);
      expect(all.speakingLimitMinutes).toBe(8);
      const audit = await admin.get(`/api/audit?entity=meeting&entityId=${m.id}`);
      expect(audit.body.items[0]).toMatchObject({ action: 'meeting.created', data: { invitees: expected.length } });
    });

    it('refuses a host who is not a chair or admin, unknown invitees, and a member creating', async () => {
      const notHost = await admin.post('/api/meetings', draft({ hostId: ids['member01@demo.local'] }));
      expect(notHost.status).toBe(400);
      expect(notHost.body.error.details[0].path).toBe('body.hostId');
      expect((await admin.post('/api/meetings', draft({ hostId: ids['admin@demo.local'] }))).status).toBe(200);
      const unknown = await admin.post('/api/meetings', draft({ invitees: { sectorIds: ['00000000-0000-4000-8000-000000000000'] } }));
      expect(unknown.body.error.details[0].path).toBe('body.invitees.sectorIds');
      const noSuchPlanItem = await admin.post('/api/meetings', draft({ planItemId: '00000000-0000-4000-8000-000000000000' }));
      expect(noSuchPlanItem.status).toBe(400);
      expect(noSuchPlanItem.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.planItemId', code: 'unknown_reference' }] });
      const backwards = await admin.post('/api/meetings', draft({ endsAt: draft().startsAt }));
      expect(backwards.status).toBe(400);
      const forbidden = await member.post('/api/meetings', draft());
      expect(forbidden.status).toBe(403);
      expect((await member.post('/api/meetings/check', draft())).status).toBe(403);
    });

    it('creates a Jitsi room from the configured base URL, and says so when none is set', async () => {
      const none = await admin.post('/api/meetings', draft({ createJitsiRoom: true, mode: 'hybrid' }));
      expect(none.status).toBe(400);
      expect(none.body.error.details[0].path).toBe('body.createJitsiRoom');
      await admin.patch('/api/settings', { jitsiBaseUrl: 'https://meet.example.org/' });
      try {
        const a = await create({ createJitsiRoom: true, mode: 'hybrid', videoUrl: 'https://ignored.example.org/x' });
        const b = await create({ createJitsiRoom: true, mode: 'remote' });
        expect(a.videoUrl).toMatch(/^https:\/\/meet\.example\.org\/Xieshang-[A-Za-z0-9]{12}$/);
        expect(b.videoUrl).not.toBe(a.videoUrl);
        const pasted = await create({ videoUrl: 'https://us02web.zoom.us/j/123' });
        expect(pasted.videoUrl).toBe('https://us02web.zoom.us/j/123');
      } finally {
        await admin.patch('/api/settings', { jitsiBaseUrl: null });
      }
    });
  });

  describe('scheduling warnings', () => {
    it('warns about short notice and materials periods in working days, and a holiday', async () => {
      const soon = weekdayAhead(2);
      const res = await admin.post('/api/meetings/check', draft({ startsAt: at(soon, '09:00'), endsAt: at(soon, '10:00') }));
      expect(res.status).toBe(200);
      const notice = res.body.warnings.find((w: Warning) => w.rule === 'notice_period');
      expect(notice.params.required).toBe(15);
      expect(notice.params.actual).toBeLessThanOrEqual(2);
      expect(rules(res.body.warnings)).toEqual(['materials_period', 'notice_period']);

      const holiday = weekdayAhead(90);
      await admin.patch('/api/settings', { holidays: [{ date: holiday, name: '测试假日' }] });
      try {
        const onHoliday = await admin.post('/api/meetings/check', draft({ startsAt: at(holiday, '09:00'), endsAt: at(holiday, '10:00') }));
        expect(onHoliday.body.warnings).toEqual([{ rule: 'non_working_day', params: { date: holiday } }]);
      } finally {
        await admin.patch('/api/settings', { holidays: [] });
      }
    });

    it('warns about a double-booked member, venue and host, and check saves nothing', async () => {
      const date = weekdayAhead(120);
      const first = await create({ title: '先定的会', startsAt: at(date, '09:00'), endsAt: at(date, '11:00'), venue: '政协五楼会议室', hostId: ids['chair@demo.local'], invitees: { sectorIds: [ids['教育界']] } });
      const [{ before }] = await q<{ before: number }>(`SELECT count(*)::int AS before FROM meetings`);
      const res = await admin.post('/api/meetings/check', draft({
        startsAt: at(date, '10:30'), endsAt: at(date, '12:00'), venue: ' 政协五楼 会议室', hostId: ids['chair@demo.local'],
        invitees: { sectorIds: [ids['教育界']], userIds: [ids['member01@demo.local']] },
      }));
      const [{ after }] = await q<{ after: number }>(`SELECT count(*)::int AS after FROM meetings`);
      expect(after).toBe(before);
      expect(rules(res.body.warnings)).toEqual(['host_double_booked', 'member_double_booked', 'venue_double_booked']);
      const members = res.body.warnings.find((w: Warning) => w.rule === 'member_double_booked');
      expect(members.params).toMatchObject({ count: first.counts.invited, meetingId: first.id, meetingTitle: '先定的会' });
      expect(String(members.params.names).length).toBeGreaterThan(0);

      // Checking an edit of the saved meeting itself: it does not clash with itself.
      const self = await admin.post(`/api/meetings/check?meetingId=${first.id}`, draft({ startsAt: at(date, '09:30'), endsAt: at(date, '11:30'), venue: '政协五楼会议室', hostId: ids['chair@demo.local'], invitees: { sectorIds: [ids['教育界']] } }));
      expect(self.status).toBe(200);
      expect(rules(self.body.warnings).filter((r: string) => r.endsWith('double_booked'))).toEqual([]);

      // Back to back in the same room is fine; a cancelled meeting books nothing.
      const touching = await admin.post('/api/meetings/check', draft({ startsAt: at(date, '11:00'), endsAt: at(date, '12:00'), venue: '政协五楼会议室', hostId: ids['chair@demo.local'] }));
      expect(touching.body.warnings).toEqual([]);
      await move(admin, first.id, 'cancel', { reason: '测试取消' });
      const freed = await admin.post('/api/meetings/check', draft({ startsAt: at(date, '10:00'), endsAt: at(date, '12:00'), venue: '政协五楼会议室' }));
      expect(freed.body.warnings).toEqual([]);
    });

    it('returns the warnings of a saved meeting on get, create and update', async () => {
      const date = weekdayAhead(130);
      const a = await create({ startsAt: at(date, '14:00'), endsAt: at(date, '16:00'), venue: '三楼小会议室' });
      expect(a.warnings).toEqual([]);
      const b = await create({ startsAt: at(date, '15:00'), endsAt: at(date, '17:00'), venue: '三楼小会议室' });
      expect(b.warnings).toEqual([{ rule: 'venue_double_booked', params: { venue: '三楼小会议室', meetingId: a.id, meetingTitle: a.title } }]);
      expect(rules((await admin.get(`/api/meetings/${a.id}`)).body.warnings)).toEqual(['venue_double_booked']);
      const moved = await admin.patch(`/api/meetings/${b.id}`, { venue: '四楼会议室' });
      expect(moved.body.warnings).toEqual([]);
    });
  });

  describe('visibility', () => {
    it('hides unpublished meetings from members who are not invited (404), and shows them once notified', async () => {
      const m = await create({ title: '尚未发布的会议' });
      expect((await member.get(`/api/meetings/${m.id}`)).status).toBe(404);
      expect((await member.get('/api/meetings?pageSize=200')).body.items.map((x: { id: string }) => x.id)).not.toContain(m.id);
      expect((await member.post(`/api/meetings/${m.id}/transition`, { action: 'start_preparing' })).status).toBe(404);
      // The chair and leaders see everything.
      expect((await chair.get(`/api/meetings/${m.id}`)).status).toBe(200);
      expect((await (await t.as('leader@demo.local')).get(`/api/meetings/${m.id}`)).status).toBe(200);

      await move(admin, m.id, 'start_preparing');
      await move(admin, m.id, 'notify');
      const seen = await member.get(`/api/meetings/${m.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ myInvitationState: null, allowedActions: [] });
    });

    it('shows an invitee their draft meeting and hides a cancelled one from others', async () => {
      const m = await create({ invitees: { userIds: [ids['member40@demo.local']] } });
      expect((await member.get(`/api/meetings/${m.id}`)).body.myInvitationState).toBe('invited');
      const other = await t.as('member39@demo.local');
      await move(admin, m.id, 'start_preparing');
      await move(admin, m.id, 'notify');
      expect((await other.get(`/api/meetings/${m.id}`)).status).toBe(200);
      await move(admin, m.id, 'cancel', { reason: '议题调整' });
      expect((await other.get(`/api/meetings/${m.id}`)).status).toBe(404);
      expect((await member.get(`/api/meetings/${m.id}`)).body).toMatchObject({ state: 'cancelled', cancelReason: '议题调整' });
    });
  });

  describe('listing', () => {
    it('filters by time range, state, type, mine and title, ordered by start, paginated', async () => {
      const date = weekdayAhead(200);
      const mk = (title: string, time: string, over: Record<string, unknown> = {}) => create({ title, startsAt: at(date, time), endsAt: at(date, `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}:00`), ...over });
      const late = await mk('检索测试 下午场', '15:00');
      const early = await mk('检索测试 上午场', '09:00', { typeId: ids.consultation_forum, invitees: { userIds: [ids['member40@demo.local']] } });
      const range = `from=${encodeURIComponent(at(date, '00:00'))}&to=${encodeURIComponent(at(date, '23:59'))}`;
      const inDay = await admin.get(`/api/meetings?${range}`);
      expect(inDay.body.items.map((m: { id: string }) => m.id)).toEqual([early.id, late.id]);
      // Overlap, not containment: a window ending at 9:30 catches the 9:00 meeting.
      const partial = await admin.get(`/api/meetings?from=${encodeURIComponent(at(date, '09:30'))}&to=${encodeURIComponent(at(date, '09:45'))}`);
      expect(partial.body.items.map((m: { id: string }) => m.id)).toEqual([early.id]);
      expect((await admin.get(`/api/meetings?${range}&typeId=${ids.consultation_forum}`)).body.items.map((m: { id: string }) => m.id)).toEqual([early.id]);
      expect((await admin.get(`/api/meetings?q=${encodeURIComponent('下午场')}`)).body.items.map((m: { id: string }) => m.id)).toEqual([late.id]);
      expect((await admin.get(`/api/meetings?q=${encodeURIComponent('100%')}`)).body.total).toBe(0);
      const page = await admin.get(`/api/meetings?${range}&pageSize=1&page=2`);
      expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: late.id }] });
      const mine = await member.get(`/api/meetings?mine=true&${range}`);
      expect(mine.body.items).toEqual([expect.objectContaining({ id: early.id, myInvitationState: 'invited', typeNameZh: '协商座谈会' })]);
      await move(admin, late.id, 'start_preparing');
      expect((await admin.get(`/api/meetings?${range}&state=preparing`)).body.items.map((m: { id: string }) => m.id)).toEqual([late.id]);
      expect((await admin.get('/api/meetings?state=nope')).status).toBe(400);
    });

    it('shows the demo meetings: today’s forum, next week’s plenary with leave requests', async () => {
      const today = localDate(new Date(), ZONE);
      const list = await (await t.as('member01@demo.local')).get(`/api/meetings?from=${encodeURIComponent(at(today, '00:00'))}&to=${encodeURIComponent(at(today, '23:59'))}`);
      const forum = list.body.items.find((m: { typeCode: string }) => m.typeCode === 'consultation_forum');
      expect(forum).toMatchObject({ venue: '政协二楼会议室', mode: 'hybrid', state: 'notified', myInvitationState: 'accepted' });
      const full = await admin.get(`/api/meetings/${forum.id}`);
      expect(full.body).toMatchObject({ hostId: ids['chair@demo.local'], counts: { invited: 20 } });
      const [{ speeches }] = await q<{ speeches: number }>(`SELECT count(*)::int AS speeches FROM meeting_speeches WHERE meeting_id = $1`, [forum.id]);
      expect(speeches).toBe(3);
      const plenary = (await admin.get('/api/meetings?state=notified&pageSize=200')).body.items.find((m: { typeCode: string }) => m.typeCode === 'plenary');
      expect((await admin.get(`/api/meetings/${plenary.id}`)).body.counts).toMatchObject({ leaveRequested: 2, leaveApproved: 1, accepted: 15 });
      const states = (await q<{ state: string }>(`SELECT DISTINCT state FROM meetings m JOIN users u ON u.id = m.created_by WHERE u.email = 'admin@demo.local' AND m.title NOT LIKE '%测试%'`)).map((r) => r.state);
      expect(states).toEqual(expect.arrayContaining(['planned', 'preparing', 'notified', 'materials_sent', 'minutes', 'cancelled']));
    });
  });

  describe('editing', () => {
    it('adds new invitees, drops deselected ones unless checked in, and tells invitees of a time change', async () => {
      const date = weekdayAhead(150);
      const m = await create({ startsAt: at(date, '09:00'), endsAt: at(date, '10:00'), invitees: { userIds: [ids['member01@demo.local'], ids['member02@demo.local'], ids['member03@demo.local']] } });
      await move(admin, m.id, 'start_preparing');
      await move(admin, m.id, 'notify');
      expect((await notificationsOf(m.id, 'invited')).map((n) => n.user_id).sort()).toEqual([ids['member01@demo.local'], ids['member02@demo.local'], ids['member03@demo.local']].sort());
      await q(`UPDATE meeting_invitations SET state = 'checked_in', check_in_mode = 'staff', checked_in_at = now() WHERE meeting_id = $1 AND user_id = $2`, [m.id, ids['member03@demo.local']]);

      const res = await admin.patch(`/api/meetings/${m.id}`, { invitees: { userIds: [ids['member01@demo.local'], ids['member04@demo.local']] }, startsAt: at(date, '14:00'), endsAt: at(date, '15:30') });
      expect(res.status).toBe(200);
      expect(await invitedIds(m.id)).toEqual([ids['member01@demo.local'], ids['member03@demo.local'], ids['member04@demo.local']].sort());
      expect(res.body.version).toBeGreaterThan(m.version);
      // The newcomer gets an invitation; those already invited get the time change.
      expect((await notificationsOf(m.id, 'invited')).map((n) => n.user_id)).toContain(ids['member04@demo.local']);
      const changed = await notificationsOf(m.id, 'time_changed');
      expect(changed.map((n) => n.user_id).sort()).toEqual([ids['member01@demo.local'], ids['member03@demo.local']].sort());
      expect(changed[0].params).toMatchObject({ startsAt: new Date(at(date, '14:00')).toISOString(), previousStartsAt: new Date(at(date, '09:00')).toISOString() });

      // A title-only edit tells nobody.
      await admin.patch(`/api/meetings/${m.id}`, { title: '改个标题' });
      expect(await notificationsOf(m.id, 'time_changed')).toHaveLength(2);
      const audit = await admin.get(`/api/audit?entity=meeting&entityId=${m.id}`);
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['meeting.updated', 'meeting.updated', 'meeting.notify', 'meeting.start_preparing', 'meeting.created']);
    });

    it('locks a live meeting against edits (MEETING_LOCKED) and refuses an end before the start', async () => {
      const m = await create();
      expect((await admin.patch(`/api/meetings/${m.id}`, { endsAt: m.startsAt })).status).toBe(400);
      for (const action of ['start_preparing', 'notify', 'go_live']) expect((await move(admin, m.id, action)).status).toBe(200);
      const res = await admin.patch(`/api/meetings/${m.id}`, { title: '直播中改标题' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'MEETING_LOCKED', params: { state: 'live' } });
      expect((await member.patch(`/api/meetings/${m.id}`, { title: 'x' })).status).toBe(403);
    });
  });

  describe('transitions', () => {
    it('walks the states, audited with actor and comment; invalid moves are refused', async () => {
      const m = await create({ hostId: ids['chair@demo.local'], invitees: { userIds: [ids['member05@demo.local']] } });
      const prep = await move(admin, m.id, 'start_preparing', { comment: '开始筹备' });
      expect(prep.body).toMatchObject({ state: 'preparing', allowedActions: ['notify', 'cancel'] });
      const wrong = await move(admin, m.id, 'go_live');
      expect(wrong.status).toBe(409);
      expect(wrong.body.error.code).toBe('INVALID_TRANSITION');
      expect((await move(admin, m.id, 'teleport')).status).toBe(400);
      expect((await move(chair, m.id, 'notify')).status).toBe(403);
      await move(admin, m.id, 'notify');
      await move(admin, m.id, 'send_materials');
      const audit = await admin.get(`/api/audit?entity=meeting&entityId=${m.id}`);
      expect(audit.body.items[2]).toMatchObject({ action: 'meeting.start_preparing', actorName: '办公室 周敏', data: { from: 'planned', to: 'preparing', comment: '开始筹备' } });
      expect(audit.body.items[0].data).toMatchObject({ from: 'notified', to: 'materials_sent' });
    });

    it('needs a reason to cancel and tells the invitees', async () => {
      const m = await create({ invitees: { userIds: [ids['member06@demo.local'], ids['member07@demo.local']] } });
      const noReason = await move(admin, m.id, 'cancel');
      expect(noReason.status).toBe(400);
      expect(noReason.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.reason' }] });
      expect((await move(admin, m.id, 'cancel', { reason: '   ' })).status).toBe(400);
      const ok = await move(admin, m.id, 'cancel', { reason: '因故取消' });
      expect(ok.body).toMatchObject({ state: 'cancelled', cancelReason: '因故取消', allowedActions: [] });
      const told = await notificationsOf(m.id, 'meeting_cancelled');
      expect(told).toHaveLength(2);
      expect(told[0].params).toMatchObject({ reason: '因故取消', title: m.title });
    });

    it('lets only the host among chairs open and end the session; end makes attendance final', async () => {
      const m = await create({ hostId: ids['chair@demo.local'], invitees: { userIds: ['member08', 'member09', 'member10', 'member11'].map((u) => ids[`${u}@demo.local`]) } });
      await move(admin, m.id, 'start_preparing');
      await move(admin, m.id, 'notify');
      const otherChair = await admin.post('/api/members', { email: 'vice.chair@demo.local', name: '副主席 吴', roles: ['chair'], password: 'vice-chair-password-1' });
      expect(otherChair.status).toBe(200);
      const vice = await t.as('vice.chair@demo.local', 'vice-chair-password-1');
      expect((await vice.get(`/api/meetings/${m.id}`)).body.allowedActions).toEqual([]);
      expect((await move(vice, m.id, 'go_live')).status).toBe(403);
      expect((await chair.get(`/api/meetings/${m.id}`)).body.allowedActions).toEqual(['go_live']);
      expect((await move(chair, m.id, 'go_live')).body.state).toBe('live');

      const set = (email: string, state: string, mode: string | null = null) =>
        q(`UPDATE meeting_invitations SET state = $3, check_in_mode = $4 WHERE meeting_id = $1 AND user_id = $2`, [m.id, ids[email], state, mode]);
      await set('member08@demo.local', 'checked_in', 'room');
      await set('member09@demo.local', 'checked_in', 'remote');
      await set('member10@demo.local', 'leave_approved');
      await set('member11@demo.local', 'declined');
      const ended = await move(chair, m.id, 'end');
      expect(ended.body.state).toBe('minutes');
      const attendance = await q<{ email: string; attendance: string }>(
        `SELECT u.email, i.attendance FROM meeting_invitations i JOIN users u ON u.id = i.user_id WHERE i.meeting_id = $1 ORDER BY u.email`,
        [m.id],
      );
      expect(attendance).toEqual([
        { email: 'member08@demo.local', attendance: 'present' },
        { email: 'member09@demo.local', attendance: 'present' },
        { email: 'member10@demo.local', attendance: 'excused' },
        { email: 'member11@demo.local', attendance: 'absent' },
      ]);
      expect((await move(admin, m.id, 'report')).body.state).toBe('reported');
      expect((await move(admin, m.id, 'close')).body).toMatchObject({ state: 'closed', allowedActions: [] });
    });

    it('runs inside another module’s transaction (the live module opens and ends sessions so)', async () => {
      const svc = t.app.get(MeetingsService);
      const m = await create({ invitees: { userIds: [ids['member12@demo.local']] } });
      await move(admin, m.id, 'start_preparing');
      await move(admin, m.id, 'notify');
      const actor = { id: ids['chair@demo.local'], roles: ['chair', 'member'] as const };
      const out = await t.ds.transaction((mgr) => svc.transition(m.id, { ...actor, roles: [...actor.roles] }, 'go_live', {}, mgr));
      expect(out).toEqual({ from: 'notified', to: 'live', version: m.version + 3 });
      const failing = t.ds.transaction(async (mgr) => {
        await svc.transition(m.id, { ...actor, roles: [...actor.roles] }, 'end', {}, mgr);
        throw new Error('live module failed after ending');
      });
      await expect(failing).rejects.toThrow('live module failed');
      const [row] = await q<{ state: string }>(`SELECT state FROM meetings WHERE id = $1`, [m.id]);
      expect(row.state).toBe('live');
      const [inv] = await q<{ attendance: string | null }>(`SELECT attendance FROM meeting_invitations WHERE meeting_id = $1`, [m.id]);
      expect(inv.attendance).toBeNull();
      await expect(svc.findVisible(m.id, { id: ids['member40@demo.local'], roles: ['member'] })).resolves.toMatchObject({ id: m.id, state: 'live' });
    });
  });
});
