import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';
import { daysFromNow, departmentIds, insertFinalizedDocument, insertTopic } from './support/outcome-fixtures';
import { OutcomeRemindersService } from '../src/modules/outcomes/outcome-reminders.service';

const BOOT_TIMEOUT_MS = 60_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** A year the demo does not use, so the dashboard counts only what these specs create. */
const YEAR = 2033;

/**
 * Who sees what: a department liaison sees only their own department's assignments; overdue
 * assignments are flagged and their liaisons reminded once; the dashboard counts; the public page
 * shows only published outcomes and nothing internal.
 */
describe('outcomes: scoping, overdue, dashboard, public page (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let leader: TestClient;
  let fgw: TestClient;
  let env: TestClient;
  let edu: TestClient;
  let anonymous: TestClient;
  let dept: Record<'fgw' | 'env' | 'edu', string>;
  const q = <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => t.ds.query(sql, args) as Promise<T[]>;

  /** An outcome of YEAR assigned to the given departments (first = lead). */
  const assigned = async (departments: string[], over: Record<string, unknown> = {}) => {
    const documentId = await insertFinalizedDocument(t.ds, { topicId: await insertTopic(t.ds, YEAR, 'consultation') });
    const sent = await admin.post('/api/outcomes', { documentId, recipients: [{ body: 'party_committee', name: '王建国' }], summary: '内部摘要：含敏感研判', ...over });
    if (sent.status !== 200) throw new Error(JSON.stringify(sent.body));
    const res = await admin.post(`/api/outcomes/${sent.body.id}/assign`, {
      cadence: 'immediate',
      assignments: departments.map((d, i) => ({ departmentId: d, role: i === 0 ? 'lead' : 'assisting', deadline: daysFromNow(20) })),
      comment: '内部交办意见',
    });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; title: string; assignments: Array<{ id: string; departmentId: string }> };
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    [admin, leader, fgw, env, edu] = await Promise.all(['admin', 'leader', 'dept01', 'dept02', 'dept03'].map((u) => t.as(`${u}@demo.local`)));
    anonymous = t.client();
    dept = await departmentIds(t.ds);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  describe('demo data', () => {
    it("sends the documents demo's report: a closed first round, a follow-up with feedback waiting, an overdue and an open assignment", async () => {
      const [demo] = (await admin.get('/api/outcomes')).body.items;
      expect(demo).toMatchObject({ title: '关于完善城市社区居家养老服务的协商报告', state: 'feedback_received', round: 2, overdue: true, public: true, leadDepartmentName: '市生态环境局' });
      const full = (await admin.get(`/api/outcomes/${demo.id}`)).body;
      expect(full.trail.map((e: { action: string }) => e.action)).toEqual(['send', 'record_instruction', 'assign', 'submit_feedback', 'evaluate', 'close', 'follow_up', 'submit_feedback']);
      expect((await edu.get('/api/assignments')).body.items).toMatchObject([{ outcomeTitle: demo.title, overdue: true, allowedActions: ['submit_feedback'] }]);
      expect((await fgw.get('/api/assignments')).body.items).toMatchObject([{ round: 2, overdue: false, allowedActions: ['submit_feedback'] }]);
      const waiting = (await admin.get('/api/assignments?state=feedback_received')).body.items;
      expect(waiting).toMatchObject([{ departmentName: '市生态环境局', feedback: [{ adoption: 'partly', state: 'pending', submittedByName: '市生态环境局 联络员' }], allowedActions: ['evaluate', 'send_back'] }]);
      expect((await anonymous.get('/api/public/outcomes')).body.items.map((o: { title: string }) => o.title)).toEqual([demo.title]);
      const stats = (await leader.get('/api/outcomes/stats')).body;
      expect(stats).toMatchObject({ total: 1, open: 1, closed: 0, overdue: 1 });
      expect(stats.adoptionByDepartment).toMatchObject([{ label: '市发展和改革委员会', adopted: 1, total: 1, rate: 1 }]);
      // a liaison's dashboard counts their own department: 市教育局 is late, 市生态环境局 is not
      expect((await edu.get('/api/outcomes/stats')).body).toMatchObject({ total: 1, overdue: 1, adoptionByDepartment: [] });
      expect((await env.get('/api/outcomes/stats')).body).toMatchObject({ total: 1, overdue: 0 });
      expect((await env.get('/api/outcomes')).body.items).toMatchObject([{ overdue: false }]);
    });
  });

  describe('a department sees only its own assignments', () => {
    let shared: Awaited<ReturnType<typeof assigned>>;
    let envOnly: Awaited<ReturnType<typeof assigned>>;
    beforeAll(async () => {
      shared = await assigned([dept.fgw, dept.env]);
      envOnly = await assigned([dept.env]);
      const [fgwAssignment] = shared.assignments;
      await fgw.post(`/api/assignments/${fgwAssignment.id}/feedback`, { adoption: 'adopted', measures: '发改委的措施' });
    });

    it('lists only their assignments and outcomes', async () => {
      const mine = (await fgw.get('/api/assignments?pageSize=200')).body;
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((a: { departmentId: string }) => a.departmentId === dept.fgw)).toBe(true);
      expect(mine.items.map((a: { outcomeId: string }) => a.outcomeId)).toContain(shared.id);
      expect(mine.items.map((a: { outcomeId: string }) => a.outcomeId)).not.toContain(envOnly.id);
      const listed = await fgw.get('/api/outcomes?pageSize=200');
      expect(listed.status).toBe(200);
      const outcomes = listed.body.items.map((o: { id: string }) => o.id);
      expect(outcomes).toContain(shared.id);
      expect(outcomes).not.toContain(envOnly.id);
      // the office sees everything
      const all = (await admin.get('/api/assignments?pageSize=200')).body.items.map((a: { outcomeId: string }) => a.outcomeId);
      expect(all).toEqual(expect.arrayContaining([shared.id, envOnly.id]));
    });

    it("gets 404 for another department's assignment, outcome and attachments", async () => {
      const envAssignment = envOnly.assignments[0];
      expect((await fgw.get(`/api/assignments/${envAssignment.id}`)).status).toBe(404);
      expect((await fgw.get(`/api/outcomes/${envOnly.id}`)).status).toBe(404);
      expect((await edu.get(`/api/outcomes/${shared.id}`)).status).toBe(404);
      const up = await env.upload(`/api/assignments/${envAssignment.id}/attachments`, PDF, '生态环境局.pdf', 'application/pdf');
      expect((await fgw.get(`/api/assignments/${envAssignment.id}/attachments/${up.body.id}`)).status).toBe(404);
    });

    it("sees a shared outcome without the other department's assignment, feedback or trail", async () => {
      const seen = (await env.get(`/api/outcomes/${shared.id}`)).body;
      expect(seen.assignments.map((a: { departmentId: string }) => a.departmentId)).toEqual([dept.env]);
      expect(JSON.stringify(seen)).not.toContain('发改委的措施');
      expect(seen.trail.filter((e: { assignmentId: string | null }) => e.assignmentId !== null)).toEqual([]);
      const view = (await env.get(`/api/assignments/${shared.assignments[1].id}`)).body;
      expect(view.partners).toEqual([{ departmentName: '市发展和改革委员会', role: 'lead' }]);
      expect(view.feedback).toEqual([]);
    });
  });

  describe('overdue', () => {
    it('flags an assignment past its deadline without accepted feedback, and reminds its liaison once', async () => {
      const o = await assigned([dept.edu, dept.env]);
      const [late, onTime] = o.assignments;
      const past = daysFromNow(-3);
      await q(`UPDATE outcome_assignments SET deadline = $2, first_deadline = $2 WHERE id = $1`, [late.id, past]);

      const seen = (await admin.get(`/api/outcomes/${o.id}`)).body;
      expect(seen).toMatchObject({ overdue: true, nextDeadline: past });
      expect(seen.assignments.map((a: { id: string; overdue: boolean }) => [a.id, a.overdue])).toEqual([[late.id, true], [onTime.id, false]]);
      expect((await edu.get(`/api/assignments/${late.id}`)).body.overdue).toBe(true);
      expect((await admin.get('/api/outcomes?overdue=true&pageSize=200')).body.items.map((x: { id: string }) => x.id)).toContain(o.id);
      expect((await admin.get('/api/outcomes?overdue=false&pageSize=200')).body.items.map((x: { id: string }) => x.id)).not.toContain(o.id);
      const eduOverdue = (await edu.get('/api/assignments?overdue=true')).body.items as Array<{ id: string; overdue: boolean }>;
      expect(eduOverdue.map((a) => a.id)).toContain(late.id);
      expect(eduOverdue.every((a) => a.overdue)).toBe(true);
      expect((await env.get('/api/assignments?overdue=true')).body.items.map((a: { id: string }) => a.id)).not.toContain(onTime.id);

      const reminders = t.app.get(OutcomeRemindersService);
      const eduLiaisons = await q<{ id: string }>(`SELECT id FROM users WHERE department_id = $1 AND 'department' = ANY(roles)`, [dept.edu]);
      expect(await reminders.runOnce()).toBeGreaterThanOrEqual(eduLiaisons.length);
      // a second instance (or the next tick) sends nothing again
      expect(await reminders.runOnce()).toBe(0);
      const notes = await q<{ kind: string; params: Record<string, string>; link: string }>(
        `SELECT kind, params, link FROM notifications WHERE user_id = $1 AND kind = 'outcome_overdue' AND params->>'title' = $2`,
        [eduLiaisons[0].id, o.title],
      );
      expect(notes).toEqual([{ kind: 'outcome_overdue', params: { title: o.title, deadline: past, departmentName: '市教育局' }, link: '/assignments' }]);
      // the on-time department heard nothing
      const envNotes = await q(`SELECT 1 FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.department_id = $1 AND n.kind = 'outcome_overdue' AND n.params->>'title' = $2`, [dept.env, o.title]);
      expect(envNotes).toEqual([]);

      // feedback waiting for the office is still flagged but not nagged; accepted feedback clears the flag
      await edu.post(`/api/assignments/${late.id}/feedback`, { adoption: 'adopted', measures: '已办理' });
      expect((await admin.get(`/api/assignments/${late.id}`)).body.overdue).toBe(true);
      await admin.post(`/api/assignments/${late.id}/evaluate`, { decision: 'accept' });
      expect((await admin.get(`/api/assignments/${late.id}`)).body).toMatchObject({ overdue: false, state: 'accepted' });
      expect((await admin.get(`/api/outcomes/${o.id}`)).body.overdue).toBe(false);
    });
  });

  describe('dashboard', () => {
    it('counts open, overdue and closed outcomes and adoption rates by year, category and department', async () => {
      const before = (await admin.get(`/api/outcomes/stats?year=${YEAR}`)).body;
      const a = await assigned([dept.fgw, dept.edu]);
      const b = await assigned([dept.fgw]);
      await q(`UPDATE outcome_assignments SET deadline = $2 WHERE id = $1`, [b.assignments[0].id, daysFromNow(-1)]);
      const report = async (client: TestClient, id: string, adoption: string) => {
        await client.post(`/api/assignments/${id}/feedback`, { adoption, measures: '措施', reason: adoption === 'not_adopted' ? '条件不具备' : undefined });
        await admin.post(`/api/assignments/${id}/evaluate`, { decision: 'accept' });
      };
      await report(fgw, a.assignments[0].id, 'adopted');
      await report(edu, a.assignments[1].id, 'not_adopted');
      await admin.post(`/api/outcomes/${a.id}/close`, {});

      const after = (await admin.get(`/api/outcomes/stats?year=${YEAR}`)).body;
      expect(after.total - before.total).toBe(2);
      expect(after.closed - before.closed).toBe(1);
      expect(after.open - before.open).toBe(1);
      expect(after.overdue - before.overdue).toBe(1);
      const fgwBucket = after.adoptionByDepartment.find((x: { key: string }) => x.key === dept.fgw);
      const eduBucket = after.adoptionByDepartment.find((x: { key: string }) => x.key === dept.edu);
      expect(fgwBucket).toMatchObject({ label: '市发展和改革委员会', adopted: (before.adoptionByDepartment.find((x: { key: string }) => x.key === dept.fgw)?.adopted ?? 0) + 1 });
      expect(eduBucket.not_adopted).toBeGreaterThanOrEqual(1);
      expect(after.adoptionByYear.map((x: { key: string }) => x.key)).toEqual([String(YEAR)]);
      expect(after.adoptionByCategory.map((x: { key: string }) => x.key)).toEqual(['consultation']);
      const year = after.adoptionByYear[0];
      expect(year.rate).toBeCloseTo((year.adopted + year.partly) / year.total, 3);

      // leaders see the dashboard; a liaison sees their own department's numbers only
      expect((await leader.get(`/api/outcomes/stats?year=${YEAR}`)).body.total).toBe(after.total);
      const mine = (await edu.get(`/api/outcomes/stats?year=${YEAR}`)).body;
      expect(mine.adoptionByDepartment.map((x: { key: string }) => x.key)).toEqual([dept.edu]);
    });
  });

  describe('public accountability', () => {
    it('shows only published outcomes, without internal comments, actors or attachments', async () => {
      const published = await assigned([dept.fgw], { public: true, publicSummary: '推动普惠托育服务扩容' });
      const hidden = await assigned([dept.env]);
      const [lead] = published.assignments;
      const up = await fgw.upload(`/api/assignments/${lead.id}/attachments`, PDF, '内部附件.pdf', 'application/pdf');
      await admin.post(`/api/outcomes/${published.id}/instructions`, { leaderName: '韩立', date: daysFromNow(0), text: '内部批示原文' });
      await fgw.post(`/api/assignments/${lead.id}/feedback`, { adoption: 'partly', measures: '新增普惠托位2000个', reason: '内部理由', attachmentIds: [up.body.id] });
      await admin.post(`/api/assignments/${lead.id}/evaluate`, { decision: 'send_back', comment: '内部退回意见' });
      await fgw.post(`/api/assignments/${lead.id}/feedback`, { adoption: 'partly', measures: '新增普惠托位3000个' });
      await admin.post(`/api/assignments/${lead.id}/evaluate`, { decision: 'accept', comment: '内部评价' });

      const list = await anonymous.get(`/api/public/outcomes?year=${YEAR}&pageSize=200`);
      expect(list.status).toBe(200);
      const ids = list.body.items.map((o: { id: string }) => o.id);
      expect(ids).toContain(published.id);
      expect(ids).not.toContain(hidden.id);
      expect((await anonymous.get(`/api/public/outcomes/${hidden.id}`)).status).toBe(404);

      const one = await anonymous.get(`/api/public/outcomes/${published.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: published.id, publicSummary: '推动普惠托育服务扩容', state: 'evaluated', instructionCount: 1 });
      expect(one.body.progress).toEqual([
        { departmentName: '市发展和改革委员会', role: 'lead', round: 1, state: 'accepted', deadline: null, overdue: false, adoption: 'partly', measures: '新增普惠托位3000个', feedbackOn: daysFromNow(0) },
      ]);
      expect(one.body.milestones.map((m: { action: string }) => m.action)).toEqual(['send', 'assign', 'record_instruction', 'evaluate']);
      expect(Object.keys(one.body.milestones[0]).sort()).toEqual(['action', 'at', 'toState']);
      const text = JSON.stringify(one.body);
      for (const secret of ['内部摘要', '内部交办意见', '内部批示原文', '内部退回意见', '内部评价', '内部理由', '内部附件', '新增普惠托位2000个', '办公室 周敏', '联络员', 'actor', 'comment', 'attachments', 'summary"']) {
        expect(text).not.toContain(secret);
      }
    });
  });
});
