import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

/** Booting the app and seeding the demo takes seconds; more when the suites run in parallel. */
const BOOT_TIMEOUT_MS = 60_000;
/** A year the demo seed does not use, so these plans start from nothing. */
const YEAR = 2031;

describe('annual plan (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let leader: TestClient;
  let member: TestClient;
  const types: Record<string, string> = {};
  const q = <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => t.ds.query(sql, args) as Promise<T[]>;

  /** A topic written straight into the pool (the topics slice tests intake and screening). */
  const topic = async (title: string, state: string, category: 'consultation' | 'supervision' = 'consultation', year = YEAR): Promise<string> => {
    const [row] = await q<{ id: string }>(
      `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, state, reject_reason)
       VALUES ($1, $2, $3, $4, '理由', $5, 'economy', 'member', $6, $7) RETURNING id`,
      [randomBytes(8).toString('hex'), year, title, `${title}的摘要`, category, state, state === 'rejected' ? '不属于协商范围' : null],
    );
    return row.id;
  };
  const topicState = async (id: string) => (await q<{ state: string }>(`SELECT state FROM topics WHERE id = $1`, [id]))[0].state;
  const item = (over: Record<string, unknown> = {}) => ({ meetingTypeId: types.special_consultation, plannedMonth: 3, leadLeader: '林正阳', leadBody: '经济委员会', participatingBodies: ['市发展和改革委员会'], ...over });
  const createPlan = async (year: number) => {
    const res = await admin.post('/api/plans', { year });
    if (res.status !== 200) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const move = (client: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => client.post(`/api/plans/${id}/transition`, { action, ...extra });

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.as('admin@demo.local');
    chair = await t.as('chair@demo.local');
    leader = await t.as('leader@demo.local');
    member = await t.as('member01@demo.local');
    for (const r of await q<{ id: string; code: string }>(`SELECT id, code FROM meeting_types`)) types[r.code] = r.id;
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  describe('organisation rules', () => {
    it('start at the defaults and are changed by the office only, with an audit entry', async () => {
      expect((await member.get('/api/plan-rules')).body).toEqual({ minActivitiesPerType: { special_consultation: 4 }, minSupervisionShare: 0.2, maxTopicsPerPersonPerCall: 3 });
      const next = { minActivitiesPerType: { special_consultation: 2, plenary: 0 }, minSupervisionShare: 0.25, maxTopicsPerPersonPerCall: 5 };
      expect((await chair.request('PUT', '/api/plan-rules', { body: next })).status).toBe(403);
      const saved = await admin.request('PUT', '/api/plan-rules', { body: next });
      expect(saved.status).toBe(200);
      // A zero minimum binds nothing and is dropped.
      expect(saved.body).toEqual({ minActivitiesPerType: { special_consultation: 2 }, minSupervisionShare: 0.25, maxTopicsPerPersonPerCall: 5 });
      expect((await admin.get('/api/plan-rules')).body.maxTopicsPerPersonPerCall).toBe(5);
      const [audit] = await q(`SELECT data FROM audit_log WHERE action = 'plan_rules.updated'`);
      expect(audit).toBeDefined();
      expect((await admin.request('PUT', '/api/plan-rules', { body: { ...next, minSupervisionShare: 1.5 } })).status).toBe(400);
      await admin.request('PUT', '/api/plan-rules', { body: { minActivitiesPerType: { special_consultation: 4 }, minSupervisionShare: 0.2, maxTopicsPerPersonPerCall: 3 } });
    });
  });

  describe('demo data', () => {
    it("has last year's issued plan with its approval trail and this year's draft missing a rule", async () => {
      const plans = (await admin.get('/api/plans')).body as Array<{ id: string; year: number; state: string }>;
      const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      const last = plans.find((p) => p.year === year - 1);
      const current = plans.find((p) => p.year === year);
      expect(last?.state).toBe('issued');
      expect(current?.state).toBe('drafting');
      const issued = (await member.get(`/api/plans/${last!.id}`)).body;
      expect(issued.violations).toEqual([]);
      expect(issued.approvals.map((a: { action: string }) => a.action)).toEqual(['start_joint_revision', 'record_chair_meeting_review', 'submit', 'approve', 'issue']);
      expect((await admin.get(`/api/plans/${current!.id}`)).body.violations).toEqual([{ rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'special_consultation', required: 4, actual: 2 } }]);
    });
  });

  describe('one plan per year', () => {
    it('refuses a second plan for the same year and names the year', async () => {
      const plan = await createPlan(YEAR + 1);
      expect(plan).toMatchObject({ year: YEAR + 1, title: `${YEAR + 1}年度协商计划`, state: 'drafting', editMode: 'draft', items: [], approvals: [] });
      const again = await admin.post('/api/plans', { year: YEAR + 1, title: '另一个' });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'PLAN_YEAR_TAKEN', params: { year: YEAR + 1 } });
      expect((await chair.post('/api/plans', { year: YEAR + 2 })).status).toBe(403);
    });

    it('hides drafts from members and shows them the issued plan', async () => {
      const list = await member.get('/api/plans');
      expect(list.body.find((p: { year: number }) => p.year === YEAR + 1)).toBeUndefined();
      const plan = (await admin.get('/api/plans')).body.find((p: { year: number }) => p.year === YEAR + 1);
      expect((await member.get(`/api/plans/${plan.id}`)).status).toBe(404);
      expect((await leader.get(`/api/plans/${plan.id}`)).status).toBe(200);
    });
  });

  describe('the journey of a plan', () => {
    let planId: string;
    const topics: Record<string, string> = {};

    beforeAll(async () => {
      planId = (await createPlan(YEAR)).id;
      for (let i = 1; i <= 4; i++) topics[`s${i}`] = await topic(`专题议题${i}`, 'shortlisted');
      topics.sup = await topic('民主监督议题', 'shortlisted', 'supervision');
      topics.leftShort = await topic('未入选的入围议题', 'shortlisted');
      topics.leftPool = await topic('未入选的议题库议题', 'pooled');
      topics.rejected = await topic('不予采纳的议题', 'rejected');
      topics.otherYear = await topic('别的年度的议题', 'shortlisted', 'consultation', YEAR - 1);
    });

    it('offers the shortlisted topics of its year as candidates', async () => {
      const res = await admin.get(`/api/plans/${planId}/candidates`);
      expect(res.status).toBe(200);
      const ids = res.body.map((c: { id: string }) => c.id).sort();
      expect(ids).toEqual([topics.s1, topics.s2, topics.s3, topics.s4, topics.sup, topics.leftShort].sort());
    });

    it('adds an item from a shortlisted topic, selecting it, and refuses a topic that is not shortlisted', async () => {
      const res = await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics.s1 }));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ topicId: topics.s1, title: '专题议题1', category: 'consultation', meetingTypeCode: 'special_consultation', plannedMonth: 3, topicState: 'selected', participatingBodies: ['市发展和改革委员会'] });
      expect(await topicState(topics.s1)).toBe('selected');
      const [event] = await q<{ action: string; from_state: string; to_state: string; data: { planId: string } }>(`SELECT action, from_state, to_state, data FROM topic_events WHERE topic_id = $1`, [topics.s1]);
      expect(event).toMatchObject({ action: 'select', from_state: 'shortlisted', to_state: 'selected', data: { planId } });

      const twice = await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics.s1 }));
      expect(twice.body.error).toMatchObject({ code: 'PLAN_TOPIC_UNAVAILABLE', params: { state: 'selected' } });
      const rejected = await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics.rejected }));
      expect(rejected.status).toBe(409);
      expect(rejected.body.error).toMatchObject({ code: 'PLAN_TOPIC_UNAVAILABLE', params: { state: 'rejected' } });
    });

    it('adds a direct item, which needs a title and a category', async () => {
      const missing = await admin.post(`/api/plans/${planId}/items`, item({ title: '只有标题' }));
      expect(missing.status).toBe(400);
      const res = await admin.post(`/api/plans/${planId}/items`, item({ title: '全体会议', category: 'consultation', meetingTypeId: types.plenary, plannedMonth: 1, participatingBodies: [] }));
      expect(res.status).toBe(200);
      // Ordered by planned month: January's plenary first.
      expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['全体会议', '专题议题1']);
      expect((await member.post(`/api/plans/${planId}/items`, item({ title: 'x', category: 'consultation' }))).status).toBe(403);
    });

    it('edits and removes draft items; removal returns the topic to the shortlist', async () => {
      const add = await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics.s2 }));
      const it2 = add.body.items.find((i: { topicId: string }) => i.topicId === topics.s2);
      const edit = await admin.patch(`/api/plans/${planId}/items/${it2.id}`, { plannedMonth: 6, notes: '结合半年工作', participatingBodies: ['市教育局', '市生态环境局'] });
      expect(edit.status).toBe(200);
      expect(edit.body.items.find((i: { id: string }) => i.id === it2.id)).toMatchObject({ plannedMonth: 6, notes: '结合半年工作', participatingBodies: ['市教育局', '市生态环境局'] });
      const del = await admin.delete(`/api/plans/${planId}/items/${it2.id}`);
      expect(del.status).toBe(200);
      expect(del.body.items.some((i: { id: string }) => i.id === it2.id)).toBe(false);
      expect(await topicState(topics.s2)).toBe('shortlisted');
    });

    it('shows the rule violations live and names rule and numbers when submission is refused', async () => {
      const plan = (await admin.get(`/api/plans/${planId}`)).body;
      expect(plan.violations).toEqual([
        { rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'special_consultation', required: 4, actual: 1 } },
        { rule: 'PLAN_MIN_SUPERVISION_SHARE', params: { required: 0.2, actual: 0 } },
      ]);
      expect((await move(admin, planId, 'start_joint_revision')).status).toBe(200);
      // The chair's meeting review names its meeting.
      const noMeeting = await move(chair, planId, 'record_chair_meeting_review');
      expect(noMeeting.body.error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'meeting' } });
      expect((await move(admin, planId, 'record_chair_meeting_review', { meeting: '主席会议' })).status).toBe(403);
      expect((await move(chair, planId, 'record_chair_meeting_review', { meeting: '十四届市政协第20次主席会议', comment: '原则同意' })).status).toBe(200);
      // Frozen from the chair's review to the approval.
      expect((await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics.s2 }))).body.error).toMatchObject({ code: 'PLAN_LOCKED', params: { state: 'chair_meeting_reviewed' } });

      const refused = await move(admin, planId, 'submit');
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'PLAN_RULES_VIOLATED',
        params: { rule: 'PLAN_MIN_ACTIVITIES', type: 'special_consultation', required: 4, actual: 1, count: 2 },
        details: { violations: plan.violations },
      });
      expect(refused.body.error.message).toContain('required 4, actual 1');
      expect((await admin.get(`/api/plans/${planId}`)).body.state).toBe('chair_meeting_reviewed');
    });

    it('goes back to drafting with a comment, is fixed, and is submitted', async () => {
      expect((await move(admin, planId, 'send_back')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'comment' } });
      expect((await move(admin, planId, 'send_back', { comment: '补足专题协商和民主监督议题' })).body.state).toBe('drafting');
      for (const key of ['s2', 's3', 's4']) expect((await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics[key], plannedMonth: 5 }))).status).toBe(200);
      const oneShort = await admin.post(`/api/plans/${planId}/items`, item({ topicId: topics.sup, meetingTypeId: types.consultation_forum, plannedMonth: 9 }));
      // 1 supervision item of 6 is 0.167, still under 0.2.
      expect(oneShort.body.violations).toEqual([{ rule: 'PLAN_MIN_SUPERVISION_SHARE', params: { required: 0.2, actual: 0.167 } }]);
      const fixed = await admin.post(`/api/plans/${planId}/items`, item({ title: '生态环境保护民主监督', category: 'supervision', meetingTypeId: types.counterpart_consultation, plannedMonth: 10 }));
      expect(fixed.body.violations).toEqual([]);
      await move(admin, planId, 'start_joint_revision');
      await move(chair, planId, 'record_chair_meeting_review', { meeting: '十四届市政协第21次主席会议' });
      const submitted = await move(admin, planId, 'submit', { comment: '报市委审定' });
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('submitted');
    });

    it('is approved by a leader at a named meeting, and every step is in the trail', async () => {
      expect((await move(chair, planId, 'approve', { meeting: '市委常委会' })).status).toBe(403);
      const approved = await move(leader, planId, 'approve', { meeting: '市委常委会第58次会议', comment: '同意' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ state: 'approved', editMode: 'amendment' });
      const trail = approved.body.approvals.map((a: { action: string; actorName: string; meeting: string | null; comment: string | null }) => [a.action, a.actorName, a.meeting, a.comment]);
      expect(trail).toEqual([
        ['start_joint_revision', '办公室 周敏', null, null],
        ['record_chair_meeting_review', '主席 林正阳', '十四届市政协第20次主席会议', '原则同意'],
        ['send_back', '办公室 周敏', null, '补足专题协商和民主监督议题'],
        ['start_joint_revision', '办公室 周敏', null, null],
        ['record_chair_meeting_review', '主席 林正阳', '十四届市政协第21次主席会议', null],
        ['submit', '办公室 周敏', null, '报市委审定'],
        ['approve', '市委领导 韩立', '市委常委会第58次会议', '同意'],
      ]);
      expect(approved.body.approvals.every((a: { at: string }) => !Number.isNaN(Date.parse(a.at)))).toBe(true);
    });

    it('is read-only once approved, except through a recorded amendment', async () => {
      const plan = (await admin.get(`/api/plans/${planId}`)).body;
      const first = plan.items.find((i: { topicId: string }) => i.topicId === topics.s1);
      const locked = await admin.patch(`/api/plans/${planId}/items/${first.id}`, { plannedMonth: 4 });
      expect(locked.status).toBe(409);
      expect(locked.body.error).toMatchObject({ code: 'PLAN_LOCKED', params: { state: 'approved' } });
      expect((await admin.delete(`/api/plans/${planId}/items/${first.id}`)).body.error.code).toBe('PLAN_LOCKED');
      expect((await admin.patch(`/api/plans/${planId}`, { title: '新标题' })).body.error.code).toBe('PLAN_LOCKED');

      expect((await admin.post(`/api/plans/${planId}/amendments`, { kind: 'update', itemId: first.id, item: { plannedMonth: 4 } })).status).toBe(400);
      const amended = await admin.post(`/api/plans/${planId}/amendments`, { kind: 'update', itemId: first.id, reason: '调研安排调整', meeting: '第22次主席会议', item: { plannedMonth: 4 } });
      expect(amended.status).toBe(200);
      expect(amended.body.items.find((i: { id: string }) => i.id === first.id).plannedMonth).toBe(4);
      expect(amended.body.amendments).toHaveLength(1);
      expect(amended.body.amendments[0]).toMatchObject({ kind: 'update', itemId: first.id, reason: '调研安排调整', meeting: '第22次主席会议', actorName: '办公室 周敏', before: { plannedMonth: 3 }, after: { plannedMonth: 4 } });

      const added = await admin.post(`/api/plans/${planId}/amendments`, { kind: 'add', reason: '市委新增交办', item: item({ title: '党委交办议题', category: 'supervision', plannedMonth: 11 }) });
      expect(added.body.items.some((i: { title: string }) => i.title === '党委交办议题')).toBe(true);
      expect(added.body.amendments.map((a: { kind: string }) => a.kind)).toEqual(['update', 'add']);
    });

    it('issuing closes the selection: the remaining pooled and shortlisted topics of the year become not_selected', async () => {
      const issued = await move(admin, planId, 'issue');
      expect(issued.body.state).toBe('issued');
      expect(await topicState(topics.leftShort)).toBe('not_selected');
      expect(await topicState(topics.leftPool)).toBe('not_selected');
      expect(await topicState(topics.rejected)).toBe('rejected');
      expect(await topicState(topics.otherYear)).toBe('shortlisted');
      expect(await topicState(topics.s1)).toBe('selected');
      // Now every member sees it.
      expect((await member.get(`/api/plans/${planId}`)).status).toBe(200);
      expect((await member.get('/api/plans')).body.map((p: { year: number }) => p.year)).toContain(YEAR);
    });

    it('keeps the link to meetings that carry an item out, and refuses to remove such an item', async () => {
      const plan = (await admin.get(`/api/plans/${planId}`)).body;
      const target = plan.items.find((i: { topicId: string }) => i.topicId === topics.s3);
      const meeting = await admin.post('/api/meetings', {
        typeId: types.special_consultation, title: '专题议题3 专题协商会', startsAt: `${YEAR}-05-12T09:00:00+08:00`, endsAt: `${YEAR}-05-12T11:00:00+08:00`, planItemId: target.id,
      });
      expect(meeting.status).toBe(200);
      const after = (await admin.get(`/api/plans/${planId}`)).body.items.find((i: { id: string }) => i.id === target.id);
      expect(after.meetings).toEqual([expect.objectContaining({ id: meeting.body.id, title: '专题议题3 专题协商会', state: 'planned' })]);
      const refused = await admin.post(`/api/plans/${planId}/amendments`, { kind: 'remove', itemId: target.id, reason: '取消' });
      expect(refused.body.error).toMatchObject({ code: 'IN_USE', params: { count: 1 } });
    });

    it('an amendment removing a topic item after issue marks the topic not_selected', async () => {
      const plan = (await admin.get(`/api/plans/${planId}`)).body;
      const target = plan.items.find((i: { topicId: string }) => i.topicId === topics.s4);
      const res = await admin.post(`/api/plans/${planId}/amendments`, { kind: 'remove', itemId: target.id, reason: '条件不成熟，移至明年' });
      expect(res.status).toBe(200);
      expect(res.body.amendments.at(-1)).toMatchObject({ kind: 'remove', before: { title: '专题议题4' }, after: null });
      expect(await topicState(topics.s4)).toBe('not_selected');
    });

    it('exports the customary table as DOCX and XLSX', async () => {
      const docx = await admin.get(`/api/plans/${planId}/export?format=docx`);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toContain('wordprocessingml');
      expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent(`${YEAR}年度协商计划.docx`));
      const zip = await JSZip.loadAsync(docx.body as Buffer);
      const xml = await zip.file('word/document.xml')!.async('string');
      for (const text of ['序号', '协商议题', '协商形式', '牵头领导', '参与单位', '专题议题1', '4月', '专题协商会', '经济委员会', '审议通过', '市委常委会第58次会议']) expect(xml).toContain(text);
      expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('wordprocessingml.document.main+xml');

      const xlsx = await admin.get(`/api/plans/${planId}/export?format=xlsx`);
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getCell('A1').value).toBe(`${YEAR}年度协商计划`);
      expect(ws.getRow(3).values).toEqual([undefined, '序号', '协商议题', '类别', '协商形式', '计划时间', '牵头领导', '牵头单位', '参与单位', '备注']);
      const titles = Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getCell(i + 4, 2).value);
      expect(titles).toEqual((await admin.get(`/api/plans/${planId}`)).body.items.map((i: { title: string }) => i.title));
      expect((await admin.get(`/api/plans/${planId}/export?format=pdf`)).status).toBe(400);
    });
  });
});
