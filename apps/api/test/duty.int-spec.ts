import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DutyRanking, DutyRecord, DutyRules, DutyRulesView } from '@xieshang/contracts';
import { DEFAULT_DUTY_RULES } from '@xieshang/domain';
import { insertUser } from './support/sql-meetings';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

// Under the multi-project runner the api project's testTimeout is not applied; booting an app can take over 5 s.
jest.setTimeout(30_000);

/*
 * Duty records credited from real rows: meetings, invitations, the speaking log, speeches, topics,
 * co-signers and documents are written with SQL (their own features have their own tests), then read
 * back through the duty API, which must score them with the rules in force.
 * The year is 2024, which the demo committee leaves empty, so every number below is ours.
 */
const YEAR = 2024;

describe('duty records (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let alice: TestClient;
  let bob: TestClient;
  let dept: TestClient;
  const ids = {} as Record<'alice' | 'bob' | 'sector' | 'committee' | 'plenary' | 'forum' | 'meetingP' | 'meetingQ' | 'meetingR' | 'topic1' | 'topic2' | 'doc' | 'oral', string>;
  const q = <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => t.ds.query(sql, args) as Promise<T[]>;

  const meeting = async (title: string, typeId: string, startsAt: string, state = 'closed', invitees: Array<{ userId: string; state: string; attendance?: string | null }> = []) => {
    const start = new Date(startsAt);
    const [m] = await q<{ id: string }>(
      `INSERT INTO meetings (type_id, title, state, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [typeId, title, state, start, new Date(start.getTime() + 2 * 3600_000)],
    );
    for (const i of invitees) {
      await q(`INSERT INTO meeting_invitations (meeting_id, user_id, state, attendance, check_in_mode) VALUES ($1, $2, $3, $4, $5)`, [m.id, i.userId, i.state, i.attendance ?? null, i.state === 'checked_in' ? 'room' : null]);
    }
    return m.id;
  };
  const topic = async (title: string, state: string, proposerId: string) => {
    const [row] = await q<{ id: string }>(
      `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, state, reject_reason, proposer_id, proposer_name, created_at)
       VALUES ($1, $2, $3, '摘要', '理由', 'consultation', 'economy', 'member', $4, $5, $6, '提出人', '2024-04-01T02:00:00Z') RETURNING id`,
      [randomBytes(8).toString('hex'), YEAR, title, state, state === 'rejected' ? '不属于协商范围' : null, proposerId],
    );
    return row.id;
  };
  const speakingLog = (meetingId: string, memberId: string, kind: string, at: string) =>
    q(`INSERT INTO speaking_log (meeting_id, entry_id, member_id, name, kind, mode, started_at, ended_at, duration_ms) VALUES ($1, $2, $3, '委员', $4, 'room', $5, $5::timestamptz + interval '3 minutes', 180000)`, [meetingId, randomUUID(), memberId, kind, at]);
  const speech = async (meetingId: string, authorId: string, title: string, state: string) => {
    const [row] = await q<{ id: string }>(`INSERT INTO meeting_speeches (meeting_id, author_id, title, content, state) VALUES ($1, $2, $3, '发言全文', $4) RETURNING id`, [meetingId, authorId, title, state]);
    return row.id;
  };
  const record = async (client: TestClient, userId?: string) => {
    const res = await client.get<DutyRecord>(userId ? `/api/duty/members/${userId}?year=${YEAR}` : `/api/duty/me?year=${YEAR}`);
    if (res.status !== 200) throw new Error(`record: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const putRules = (client: TestClient, rules: unknown) => client.request('PUT', '/api/duty/rules', { body: rules });

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    [ids.sector] = (await q<{ id: string }>(`INSERT INTO sectors (name, sort_order) VALUES ('测试界别', 99) RETURNING id`)).map((r) => r.id);
    [ids.committee] = (await q<{ id: string }>(`INSERT INTO committees (name, sort_order) VALUES ('测试专委会', 99) RETURNING id`)).map((r) => r.id);
    ids.alice = await insertUser(t.ds, 'alice@duty.test', { name: '甲委员' });
    // A name a spreadsheet would run as a formula: the export must keep it text.
    ids.bob = await insertUser(t.ds, 'bob@duty.test', { name: '=HYPERLINK("http://evil.example","乙")' });
    await q(`UPDATE users SET sector_id = $1, committee_id = $2 WHERE id = ANY($3)`, [ids.sector, ids.committee, [ids.alice, ids.bob]]);
    [admin, chair, alice, bob, dept] = await Promise.all([t.as('admin@demo.local'), t.as('chair@demo.local'), t.as('alice@duty.test'), t.as('bob@duty.test'), t.as('dept01@demo.local')]);

    const types = await q<{ id: string; code: string }>(`SELECT id, code FROM meeting_types WHERE code IN ('plenary', 'consultation_forum')`);
    ids.plenary = types.find((r) => r.code === 'plenary')!.id;
    ids.forum = types.find((r) => r.code === 'consultation_forum')!.id;

    const { alice: a, bob: b } = ids;
    ids.meetingP = await meeting('第一次全体会议', ids.plenary, '2024-03-05T01:00:00Z', 'closed', [
      { userId: a, state: 'checked_in', attendance: 'present' },
      { userId: b, state: 'leave_approved', attendance: 'excused' },
    ]);
    // Alice accepted and never came; attendance left unset: derived as absent, as the attendance report does.
    ids.meetingQ = await meeting('第二次全体会议', ids.plenary, '2024-09-01T01:00:00Z', 'reported', [
      { userId: a, state: 'accepted', attendance: null },
      { userId: b, state: 'checked_in', attendance: 'present' },
    ]);
    ids.meetingR = await meeting('双月协商座谈会', ids.forum, '2024-06-10T06:00:00Z', 'minutes', [
      { userId: a, state: 'checked_in', attendance: 'present' },
      { userId: b, state: 'invited', attendance: 'absent' },
    ]);
    // 1 January 2024, 01:00 in Shanghai: the organisation's year, not UTC's.
    await meeting('新年座谈会', ids.forum, '2023-12-31T17:00:00Z', 'closed', [{ userId: a, state: 'checked_in', attendance: 'present' }]);
    // Not credited: a meeting still live, one cancelled, one of another year.
    await meeting('进行中的会议', ids.forum, '2024-10-10T01:00:00Z', 'live', [{ userId: a, state: 'invited' }]);
    await meeting('已取消的会议', ids.plenary, '2024-10-11T01:00:00Z', 'cancelled', [{ userId: a, state: 'invited' }]);
    await meeting('去年的会议', ids.plenary, '2023-06-01T01:00:00Z', 'closed', [{ userId: a, state: 'invited', attendance: 'absent' }]);

    await speakingLog(ids.meetingR, a, 'hand', '2024-06-10T06:30:00Z');
    await speakingLog(ids.meetingR, a, 'arranged', '2024-06-10T06:10:00Z');
    await speakingLog(ids.meetingR, a, 'department_response', '2024-06-10T06:40:00Z');

    ids.oral = await speech(ids.meetingP, a, '关于优化营商环境的发言', 'oral');
    await speech(ids.meetingR, b, '关于社区养老的书面发言', 'written_only');
    await speech(ids.meetingR, a, '尚需修改的发言', 'needs_revision');

    ids.topic1 = await topic('加快老旧小区加装电梯', 'selected', a);
    await q(`INSERT INTO topic_events (topic_id, action, from_state, to_state, at) VALUES ($1, 'select', 'shortlisted', 'selected', '2024-11-20T02:00:00Z')`, [ids.topic1]);
    ids.topic2 = await topic('规范共享单车停放', 'pooled', a);
    await topic('与协商无关的建议', 'rejected', a);
    await q(`INSERT INTO topic_co_signers (topic_id, user_id, state, responded_at) VALUES ($1, $2, 'confirmed', '2024-04-02T02:00:00Z'), ($3, $2, 'invited', NULL)`, [ids.topic1, b, ids.topic2]);

    const [doc] = await q<{ id: string }>(`INSERT INTO documents (kind, title, state, topic_id) VALUES ('report', '关于加装电梯的协商报告', 'finalized', $1) RETURNING id`, [ids.topic1]);
    ids.doc = doc.id;
    await q(`INSERT INTO document_members (document_id, user_id, role, added_at) VALUES ($1, $2, 'editor', '2024-11-25T02:00:00Z'), ($1, $3, 'commenter', '2024-11-25T02:00:00Z')`, [ids.doc, a, b]);
  });
  afterAll(() => t.close());

  describe('credits from the tables, scored with the default rules', () => {
    it('gives a member every credited line with its source, and the score', async () => {
      const r = await record(alice);
      expect(r).toMatchObject({ userId: ids.alice, name: '甲委员', sectorName: '测试界别', committeeName: '测试专委会', year: YEAR, rulesVersion: 0 });
      const lines = r.lines.map((l) => [l.kind, l.meetingTypeCode, l.source.type, l.source.id, l.source.meetingId, l.points, l.awarded]);
      expect(lines).toEqual([
        ['attendance_present', 'consultation_forum', 'meeting', expect.any(String), expect.any(String), 1, 1],
        ['attendance_present', 'plenary', 'meeting', ids.meetingP, ids.meetingP, 2, 2],
        ['speech_oral', 'plenary', 'speech', ids.oral, ids.meetingP, 8, 8],
        ['topic_proposed', null, 'topic', expect.any(String), null, 2, 2],
        ['topic_proposed', null, 'topic', expect.any(String), null, 2, 2],
        ['attendance_present', 'consultation_forum', 'meeting', ids.meetingR, ids.meetingR, 1, 1],
        ['speech_given', 'consultation_forum', 'speaking_log', expect.any(String), ids.meetingR, 2, 2],
        ['speech_given', 'consultation_forum', 'speaking_log', expect.any(String), ids.meetingR, 2, 2],
        ['attendance_absent', 'plenary', 'meeting', ids.meetingQ, ids.meetingQ, -30, -30],
        ['topic_selected', null, 'topic', ids.topic1, null, 5, 5],
        ['document_contribution', null, 'document', ids.doc, null, 2, 2],
      ]);
      expect(r.lines[0].source.title).toBe('新年座谈会');
      expect(r.lines.filter((l) => l.kind === 'topic_proposed').map((l) => l.source.id).sort()).toEqual([ids.topic1, ids.topic2].sort());
      expect(r.score).toEqual({ base: 70, bonus: 27, deductions: 30, total: 67, capped: false });
      expect(r.kinds).toContainEqual({ kind: 'speech_given', count: 2, awarded: 4 });
      expect(r.meetingTypes.plenary).toEqual({ nameZh: '全体会议', nameEn: 'Plenary session' });
    });

    it('credits excused and unexcused absences, written speeches and co-signatures (confirmed only)', async () => {
      const r = await record(bob);
      expect(r.lines.map((l) => [l.kind, l.meetingTypeCode, l.awarded])).toEqual([
        ['attendance_excused', 'plenary', -10],
        ['topic_cosigned', null, 0.5],
        ['attendance_absent', 'consultation_forum', -2],
        ['speech_written', 'consultation_forum', 3],
        ['attendance_present', 'plenary', 2],
      ]);
      expect(r.score).toEqual({ base: 70, bonus: 5.5, deductions: 12, total: 63.5, capped: false });
    });

    it('gives the office and the chair any member’s record, the same as the member sees', async () => {
      const own = await record(alice);
      expect(await record(admin, ids.alice)).toEqual(own);
      expect(await record(chair, ids.alice)).toEqual(own);
      expect((await admin.get(`/api/duty/members/${randomUUID()}?year=${YEAR}`)).status).toBe(404);
    });
  });

  describe('member isolation', () => {
    it('a member cannot read another member’s record, the ranking or the export', async () => {
      for (const path of [`/api/duty/members/${ids.alice}?year=${YEAR}`, `/api/duty/ranking?year=${YEAR}`, `/api/duty/ranking/export?year=${YEAR}&format=csv`]) {
        const res = await bob.get(path);
        expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
      // Their own record through the members route is fine.
      expect((await bob.get(`/api/duty/members/${ids.bob}?year=${YEAR}`)).status).toBe(200);
    });

    it('a department liaison has no duty record access; members cannot change rules or entries', async () => {
      expect((await dept.get(`/api/duty/me`)).status).toBe(403);
      expect((await putRules(alice, DEFAULT_DUTY_RULES)).status).toBe(403);
      expect((await alice.post('/api/duty/entries', { userId: ids.alice, year: YEAR, points: 10, reason: '自己给自己加分' })).status).toBe(403);
      expect((await alice.get(`/api/duty/entries?year=${YEAR}`)).status).toBe(403);
    });

    it('without a year, a record is this year’s in the organisation’s time zone', async () => {
      const res = await alice.get<DutyRecord>('/api/duty/me');
      const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      expect(res.body).toMatchObject({ year, userId: ids.alice, score: { total: 70 }, lines: [] });
    });
  });

  describe('ranking and exports', () => {
    it('ranks by total within a sector and a committee; ties share the rank across everyone', async () => {
      const bySector = await admin.get<DutyRanking>(`/api/duty/ranking?year=${YEAR}&sectorId=${ids.sector}`);
      expect(bySector.status).toBe(200);
      expect(bySector.body.items.map((r) => [r.rank, r.userId, r.score.total])).toEqual([[1, ids.alice, 67], [2, ids.bob, 63.5]]);
      const byCommittee = await chair.get<DutyRanking>(`/api/duty/ranking?year=${YEAR}&committeeId=${ids.committee}`);
      expect(byCommittee.body.items.map((r) => r.userId)).toEqual([ids.alice, ids.bob]);

      const all = await admin.get<DutyRanking>(`/api/duty/ranking?year=${YEAR}`);
      const demoMembers = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE active AND 'member' = ANY(roles)`))[0].n;
      expect(all.body.items).toHaveLength(demoMembers);
      // Everyone else has the base score of an empty year, so they share rank 1; Alice and Bob follow.
      expect(all.body.items[0]).toMatchObject({ rank: 1, score: { total: 70 } });
      expect(all.body.items.find((r) => r.userId === ids.alice)).toMatchObject({ rank: demoMembers - 1 });
      expect(all.body.items.at(-1)).toMatchObject({ rank: demoMembers, userId: ids.bob });
    });

    it('exports CSV with a BOM, the ranking’s numbers and formula-safe names', async () => {
      const res = await admin.get(`/api/duty/ranking/export?year=${YEAR}&sectorId=${ids.sector}&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')![1])).toBe('2024年委员履职积分.csv');
      const buf = res.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = buf.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines[0].split(',').slice(0, 11)).toEqual(['排名', '姓名', '界别', '专委会', '基础分', '加分', '扣分', '总分', '出席(次)', '请假(次)', '缺席(次)']);
      expect(lines[1]).toBe('1,甲委员,测试界别,测试专委会,70,27,30,67,3,0,1,2,1,0,2,0,1,1,0');
      // The apostrophe keeps the name text; the quotes are RFC 4180 doubled.
      expect(lines[2]).toBe(`2,"'=HYPERLINK(""http://evil.example"",""乙"")",测试界别,测试专委会,70,5.5,12,63.5,1,1,1,0,0,1,0,1,0,0,0`);
    });

    it('exports XLSX with numbers as numbers and the name as text', async () => {
      const res = await chair.get(`/api/duty/ranking/export?year=${YEAR}&sectorId=${ids.sector}&format=xlsx`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('委员履职积分');
      expect((ws.getRow(2).values as unknown[]).slice(1, 9)).toEqual([1, '甲委员', '测试界别', '测试专委会', 70, 27, 30, 67]);
      const bobName = ws.getRow(3).getCell(2);
      expect(bobName.type).toBe(ExcelJS.ValueType.String);
      expect(bobName.value).toBe('=HYPERLINK("http://evil.example","乙")');
    });
  });

  describe('manual entries', () => {
    it('the office adds one with a reason; it counts at once, is audited, and withdrawing it (with a reason) takes it out', async () => {
      const added = await admin.post('/api/duty/entries', { userId: ids.alice, year: YEAR, points: 3, reason: '调研报告获市领导肯定性批示', occurredOn: '2024-12-01' });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ userId: ids.alice, userName: '甲委员', year: YEAR, points: 3, reason: '调研报告获市领导肯定性批示', occurredOn: '2024-12-01', createdByName: '办公室 周敏' });

      const withEntry = await record(alice);
      expect(withEntry.lines.at(-1)).toMatchObject({ kind: 'manual', points: 3, awarded: 3, note: '调研报告获市领导肯定性批示', source: { type: 'manual', id: added.body.id } });
      expect(withEntry.score.total).toBe(70);
      expect((await admin.get(`/api/duty/entries?year=${YEAR}&userId=${ids.alice}`)).body.map((e: { id: string }) => e.id)).toEqual([added.body.id]);

      const withdraw = (body: unknown) => admin.post(`/api/duty/entries/${added.body.id}/withdraw`, body);
      expect((await withdraw({})).status).toBe(400);
      expect((await withdraw({ reason: '经核实，批示对象为其他委员' })).body).toEqual({ ok: true });
      expect((await record(alice)).score.total).toBe(67);
      expect((await admin.get(`/api/duty/entries?year=${YEAR}`)).body).toEqual([]);
      expect((await withdraw({ reason: '重复撤销' })).status).toBe(404);
      const audit = await q<{ action: string; data: { points: number; reason: string; withdrawReason?: string } }>(`SELECT action, data FROM audit_log WHERE entity = 'duty_entry' AND entity_id = $1 ORDER BY id`, [added.body.id]);
      expect(audit.map((a) => [a.action, a.data.points, a.data.reason, a.data.withdrawReason])).toEqual([
        ['duty_entry.added', 3, '调研报告获市领导肯定性批示', undefined],
        ['duty_entry.withdrawn', 3, '调研报告获市领导肯定性批示', '经核实，批示对象为其他委员'],
      ]);
      // The row stays, marked, with both reasons.
      expect(await q(`SELECT reason, delete_reason, deleted_at IS NOT NULL AS withdrawn FROM duty_entries WHERE id = $1`, [added.body.id])).toEqual([
        { reason: '调研报告获市领导肯定性批示', delete_reason: '经核实，批示对象为其他委员', withdrawn: true },
      ]);
    });

    it('refuses an entry without a reason, with zero or fractional points, or for nobody', async () => {
      const bad = [
        { userId: ids.alice, year: YEAR, points: 2, reason: '  ' },
        { userId: ids.alice, year: YEAR, points: 0, reason: '零分' },
        { userId: ids.alice, year: YEAR, points: 0.3, reason: '不是半分的整数倍' },
        { userId: randomUUID(), year: YEAR, points: 1, reason: '不存在的委员' },
      ];
      for (const body of bad) {
        const res = await admin.post('/api/duty/entries', body);
        expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
    });
  });

  describe('rules', () => {
    it('every signed-in member can read the rules in force (the defaults until the office saves its own)', async () => {
      const res = await alice.get<DutyRulesView>('/api/duty/rules');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 0, rules: DEFAULT_DUTY_RULES, updatedAt: null });
      expect(res.body.meetingTypes.map((m) => m.code)).toEqual(expect.arrayContaining(['plenary', 'consultation_forum']));
    });

    it('refuses invalid rules naming the field', async () => {
      const cases: Array<[unknown, string]> = [
        [{ ...DEFAULT_DUTY_RULES, bonusCap: -1 }, 'body.bonusCap'],
        [{ ...DEFAULT_DUTY_RULES, points: { ...DEFAULT_DUTY_RULES.points, speech_given: 0.3 } }, 'body.points.speech_given'],
        [{ ...DEFAULT_DUTY_RULES, minScore: 80 }, 'body.minScore'],
        [{ ...DEFAULT_DUTY_RULES, kindCaps: { no_such_kind: 3 } }, 'body.kindCaps'],
        [{ ...DEFAULT_DUTY_RULES, meetingTypePoints: { no_such_type: { attendance_absent: -5 } } }, 'body.meetingTypePoints.no_such_type'],
      ];
      for (const [body, path] of cases) {
        const res = await putRules(admin, body);
        expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(path);
      }
      expect((await admin.get<DutyRulesView>('/api/duty/rules')).body.version).toBe(0);
    });

    it('a rule change recomputes every record from the same rows; changing back gives the same record again', async () => {
      const before = await record(alice);
      const ranking = (await admin.get<DutyRanking>(`/api/duty/ranking?year=${YEAR}&sectorId=${ids.sector}`)).body;

      const lenient: DutyRules = { ...DEFAULT_DUTY_RULES, meetingTypePoints: { ...DEFAULT_DUTY_RULES.meetingTypePoints, plenary: { ...DEFAULT_DUTY_RULES.meetingTypePoints.plenary, attendance_absent: -10 } } };
      const saved = await putRules(admin, lenient);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ version: 1, rules: lenient, updatedByName: '办公室 周敏' });

      const after = await record(alice);
      expect(after.rulesVersion).toBe(1);
      expect(after.lines.find((l) => l.source.id === ids.meetingQ)).toMatchObject({ points: -10, awarded: -10 });
      expect(after.score.total).toBe(87);
      const reranked = (await admin.get<DutyRanking>(`/api/duty/ranking?year=${YEAR}&sectorId=${ids.sector}`)).body;
      expect(reranked.items.map((r) => [r.userId, r.score.total])).toEqual([[ids.alice, 87], [ids.bob, 63.5]]);

      expect((await putRules(admin, DEFAULT_DUTY_RULES)).body.version).toBe(2);
      expect({ ...(await record(alice)), rulesVersion: 0 }).toEqual(before);
      expect({ ...(await admin.get<DutyRanking>(`/api/duty/ranking?year=${YEAR}&sectorId=${ids.sector}`)).body, rulesVersion: 0 }).toEqual(ranking);

      const versions = await q<{ version: number }>(`SELECT version FROM duty_rule_versions ORDER BY version`);
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      const audit = await q<{ entity_id: string; data: { fromVersion: number } }>(`SELECT entity_id, data FROM audit_log WHERE action = 'duty_rules.updated' ORDER BY id`);
      expect(audit.map((a) => [a.entity_id, a.data.fromVersion])).toEqual([['1', 0], ['2', 1]]);
    });
  });
});
