import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

/** Booting the app and seeding the demo takes seconds; more when the suites run in parallel. */
const BOOT_TIMEOUT_MS = 60_000;

describe('meeting types, organisation settings and committee heads (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let member: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.as('admin@demo.local');
    member = await t.as('member01@demo.local');
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  describe('settings', () => {
    it('starts from the configured time zone and the 2026 holiday calendar; email is off without SMTP', async () => {
      const res = await member.get('/api/settings');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ timeZone: 'Asia/Shanghai', jitsiBaseUrl: null, emailEnabled: false });
      const holidays = res.body.holidays.map((d: { date: string }) => d.date);
      expect(holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-17', '2026-10-01', '2026-10-07']));
      expect(res.body.makeupWorkdays.map((d: { date: string }) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    });

    it('lets the admin change them (audited) and refuses a member', async () => {
      const patch = { timeZone: 'Asia/Urumqi', jitsiBaseUrl: 'https://meet.example.org/', holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2026-12-31' }] };
      expect((await member.patch('/api/settings', patch)).status).toBe(403);
      const res = await admin.patch('/api/settings', patch);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ timeZone: 'Asia/Urumqi', jitsiBaseUrl: 'https://meet.example.org' });
      expect(res.body.holidays).toEqual([{ date: '2026-12-31', name: null }, { date: '2027-01-01', name: '元旦' }]);
      // Untouched keys keep their values.
      expect(res.body.makeupWorkdays).toHaveLength(6);
      expect((await member.get('/api/settings')).body.timeZone).toBe('Asia/Urumqi');
      const audit = await admin.get('/api/audit?entity=settings');
      expect(audit.body.items[0]).toMatchObject({ action: 'settings.updated', data: { keys: ['timeZone', 'jitsiBaseUrl', 'holidays'] } });
      await admin.patch('/api/settings', { timeZone: 'Asia/Shanghai', jitsiBaseUrl: null });
    });

    it('refuses an unknown time zone, a bad date and a plain-http Jitsi URL with 400 naming the field', async () => {
      const res = await admin.patch('/api/settings', { timeZone: 'Mars/Olympus_Mons' });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body.timeZone');
      expect((await admin.patch('/api/settings', { holidays: [{ date: '2026-02-30' }] })).status).toBe(400);
      expect((await admin.patch('/api/settings', { jitsiBaseUrl: 'http://meet.example.org' })).status).toBe(400);
      expect((await admin.patch('/api/settings', { emailEnabled: true })).status).toBe(400);
    });
  });

  describe('meeting types', () => {
    it('seeds the nine standard types with their defaults', async () => {
      const res = await member.get('/api/meeting-types');
      expect(res.status).toBe(200);
      const byCode = Object.fromEntries(res.body.map((t: { code: string }) => [t.code, t]));
      expect(Object.keys(byCode).sort()).toEqual(
        ['chair_meeting', 'consultation_forum', 'counterpart_consultation', 'plenary', 'proposal_consultation', 'remote_consultation', 'sector_consultation', 'special_consultation', 'standing_committee'],
      );
      expect(byCode.plenary).toMatchObject({ nameZh: '全体会议', noticeWorkingDays: 15, materialsWorkingDays: 10, leaveApprover: 'chair', speakingLimitMinutes: 8 });
      expect(byCode.standing_committee).toMatchObject({ leaveApprover: 'chair', speakingLimitMinutes: 5 });
      expect(byCode.special_consultation).toMatchObject({ nameZh: '专题协商会', leaveApprover: 'committee_head' });
      expect(byCode.consultation_forum.leaveApprover).toBe('office');
      expect(byCode.plenary.defaultAgenda.map((a: { kind: string }) => a.kind)).toEqual(['briefing', 'questions', 'department_response', 'arranged_speeches', 'free_discussion']);
      expect(res.body[0].code).toBe('plenary');
    });

    it('lets the admin add and edit a type; a taken code is NAME_TAKEN; members cannot', async () => {
      const body = { code: 'neighbourhood_forum', nameZh: '有事好商量协商议事会', nameEn: 'Neighbourhood forum', noticeWorkingDays: 5, materialsWorkingDays: 3 };
      expect((await member.post('/api/meeting-types', body)).status).toBe(403);
      const created = await admin.post('/api/meeting-types', body);
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ ...body, leaveApprover: 'office', speakingLimitMinutes: 5, defaultAgenda: [], active: true });

      const dup = await admin.post('/api/meeting-types', { ...body, nameZh: '重复' });
      expect(dup.status).toBe(409);
      expect(dup.body.error).toMatchObject({ code: 'NAME_TAKEN', details: [{ path: 'body.code' }] });
      expect((await admin.post('/api/meeting-types', { ...body, code: 'Bad Code' })).status).toBe(400);

      const edited = await admin.patch(`/api/meeting-types/${created.body.id}`, { speakingLimitMinutes: 3, active: false, defaultAgenda: [{ title: '群众代表发言', kind: 'other' }] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ code: 'neighbourhood_forum', speakingLimitMinutes: 3, active: false });
      expect((await admin.patch(`/api/meeting-types/${created.body.id}`, { code: 'renamed' })).status).toBe(400);
      expect((await member.patch(`/api/meeting-types/${created.body.id}`, { active: true })).status).toBe(403);

      // A retired type is hidden from members, still listed for the office.
      expect((await member.get('/api/meeting-types')).body.map((t: { code: string }) => t.code)).not.toContain('neighbourhood_forum');
      expect((await admin.get('/api/meeting-types')).body.map((t: { code: string }) => t.code)).toContain('neighbourhood_forum');
      const audit = await admin.get(`/api/audit?entity=meeting_type&entityId=${created.body.id}`);
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['meeting_type.updated', 'meeting_type.created']);
    });

    it('keeps the standard types on a database without demo data too', async () => {
      const bare = await createTestApp();
      try {
        const [{ count }] = await bare.ds.query(`SELECT count(*)::int AS count FROM meeting_types`);
        expect(count).toBe(9);
        const [{ meetings }] = await bare.ds.query(`SELECT count(*)::int AS meetings FROM meetings`);
        expect(meetings).toBe(0);
      } finally {
        await bare.close();
      }
    }, BOOT_TIMEOUT_MS);
  });

  describe('committee heads', () => {
    it('lists each demo committee with its head and lets the admin change it', async () => {
      const committees = (await member.get('/api/org/committees')).body;
      expect(committees.every((c: { headId: string | null }) => c.headId)).toBe(true);
      const proposal = committees.find((c: { name: string }) => c.name === '提案委员会');
      const members = (await admin.get('/api/members?q=member02')).body.items;
      const res = await admin.patch(`/api/org/committees/${proposal.id}`, { headId: members[0].id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ headId: members[0].id, headName: members[0].name });
      expect((await admin.patch(`/api/org/committees/${proposal.id}`, { headId: null })).body.headId).toBeNull();
    });

    it('refuses a head for a sector and an unknown head', async () => {
      const sector = (await admin.get('/api/org/sectors')).body[0];
      expect(sector.headId).toBeNull();
      const bad = await admin.patch(`/api/org/sectors/${sector.id}`, { headId: sector.id });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0]).toMatchObject({ path: 'body.headId', code: 'not_allowed' });
      const committee = (await admin.get('/api/org/committees')).body[0];
      const unknown = await admin.patch(`/api/org/committees/${committee.id}`, { headId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.body.error.details[0]).toMatchObject({ path: 'body.headId', code: 'unknown' });
    });
  });
});
