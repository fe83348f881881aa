import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';
import { daysFromNow, departmentIds, insertFinalizedDocument, insertTopic } from './support/outcome-fixtures';

const BOOT_TIMEOUT_MS = 60_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);

/**
 * Flow 8 end to end through the API: send → instruct → assign → feedback → send back → feedback →
 * evaluate → close → follow-up, who may take which step, and coded errors for bad input.
 */
describe('outcomes: the whole path (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let leader: TestClient;
  let member: TestClient;
  let fgw: TestClient;
  let env: TestClient;
  let dept: Record<'fgw' | 'env' | 'edu', string>;
  let leaderId: string;
  const q = <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => t.ds.query(sql, args) as Promise<T[]>;

  const send = async (over: Record<string, unknown> = {}) => {
    const documentId = (over.documentId as string | undefined) ?? (await insertFinalizedDocument(t.ds));
    const res = await admin.post('/api/outcomes', { documentId, recipients: [{ body: 'party_committee', name: '王建国', title: '市委书记' }], summary: '关于加快发展银发经济的协商专报', ...over });
    if (res.status !== 200) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const round = (deadline = daysFromNow(30)) => ({
    cadence: 'immediate',
    assignments: [
      { departmentId: dept.fgw, role: 'lead', deadline },
      { departmentId: dept.env, role: 'assisting', deadline },
    ],
    comment: '请按职责分工认真研究办理',
  });
  const feedback = (over: Record<string, unknown> = {}) => ({ adoption: 'adopted', measures: '已将建议纳入2027年度工作要点，出台专项扶持政策。', ...over });

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    [admin, chair, leader, member, fgw, env] = await Promise.all(
      ['admin', 'chair', 'leader', 'member01', 'dept01', 'dept02'].map((u) => t.as(`${u}@demo.local`)),
    );
    dept = await departmentIds(t.ds);
    [{ id: leaderId }] = await q<{ id: string }>(`SELECT id FROM users WHERE email = 'leader@demo.local'`);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('runs send → instruct → assign → feedback → send back → feedback → evaluate → close → follow-up, with a trail and audit', async () => {
    const topicId = await insertTopic(t.ds, 2030, 'supervision');
    const documentId = await insertFinalizedDocument(t.ds, { title: '关于推进老旧小区改造的协商专报', topicId });
    const sent = await send({ documentId, public: true, publicSummary: '推进老旧小区改造', recipients: [{ body: 'government', name: '韩立', userId: leaderId }] });
    // title, category and year come from the document and its topic
    expect(sent).toMatchObject({ state: 'report_sent', kind: 'report', title: '关于推进老旧小区改造的协商专报', category: 'supervision', year: 2030, round: 0, public: true, documentId });
    expect(sent.recipients).toEqual([{ body: 'government', name: '韩立', title: null, userId: leaderId }]);
    expect(sent.allowedActions).toEqual(['record_instruction', 'assign']);

    // a leader records their own instruction
    const instructed = (await leader.post(`/api/outcomes/${sent.id}/instructions`, { leaderName: '韩立 副书记', leaderUserId: leaderId, date: daysFromNow(0), text: '请市发改委牵头研究落实。' })).body;
    expect(instructed.state).toBe('instructed');
    expect(instructed.instructions).toMatchObject([{ leaderName: '韩立 副书记', text: '请市发改委牵头研究落实。', recordedByName: '市委领导 韩立' }]);

    const assigned = await admin.post(`/api/outcomes/${sent.id}/assign`, round());
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ state: 'assigned', round: 1, leadDepartmentName: '市发展和改革委员会', overdue: false, nextDeadline: daysFromNow(30) });
    const [lead, assist] = assigned.body.assignments;
    expect(lead).toMatchObject({ role: 'lead', departmentName: '市发展和改革委员会', state: 'assigned', deadline: daysFromNow(30), current: true, overdue: false });
    expect(assist).toMatchObject({ role: 'assisting', departmentName: '市生态环境局' });
    // the liaisons heard of it
    const [note] = await q<{ kind: string; params: Record<string, string> }>(
      `SELECT n.kind, n.params FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'dept01@demo.local' AND n.kind = 'outcome_assigned' AND n.params->>'title' = $1`,
      [sent.title],
    );
    expect(note.params).toMatchObject({ deadline: daysFromNow(30), departmentName: '市发展和改革委员会' });

    // the lead liaison uploads an attachment and reports
    const up = await fgw.upload(`/api/assignments/${lead.id}/attachments`, PDF, '办理情况报告.pdf', 'application/pdf');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ fileName: '办理情况报告.pdf', mimeType: 'application/pdf', sha256: createHash('sha256').update(PDF).digest('hex') });
    const first = await fgw.post(`/api/assignments/${lead.id}/feedback`, feedback({ adoption: 'partly', attachmentIds: [up.body.id] }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: 'feedback_received', outcomeState: 'feedback_received', allowedActions: [] });
    expect(first.body.feedback).toMatchObject([{ adoption: 'partly', state: 'pending', submittedByName: '市发展和改革委员会 联络员', attachments: [{ id: up.body.id }] }]);
    // the office downloads it
    const file = await admin.get(`/api/assignments/${lead.id}/attachments/${up.body.id}`);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

    // sent back with a comment: the liaison is told and reports again
    const back = await admin.post(`/api/assignments/${lead.id}/evaluate`, { decision: 'send_back', comment: '措施不够具体，请补充时间表' });
    expect(back.body).toMatchObject({ state: 'assigned', outcomeState: 'assigned' });
    expect(back.body.feedback[0]).toMatchObject({ state: 'sent_back', evaluationComment: '措施不够具体，请补充时间表' });
    expect((await fgw.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind)).toContain('outcome_sent_back');
    const liaisonView = (await fgw.get(`/api/assignments/${lead.id}`)).body;
    expect(liaisonView.allowedActions).toEqual(['submit_feedback']);
    expect(liaisonView.trail.map((e: { action: string; comment: string | null }) => [e.action, e.comment])).toEqual([
      ['submit_feedback', null],
      ['send_back', '措施不够具体，请补充时间表'],
    ]);
    expect((await fgw.post(`/api/assignments/${lead.id}/feedback`, feedback())).body.state).toBe('feedback_received');
    expect((await env.post(`/api/assignments/${assist.id}/feedback`, feedback({ adoption: 'under_study', reason: '需与省厅会商' }))).status).toBe(200);

    // accepting one leaves the outcome waiting for the other; accepting both evaluates it
    expect((await admin.post(`/api/assignments/${lead.id}/evaluate`, { decision: 'accept', comment: '同意' })).body).toMatchObject({ state: 'accepted', deadline: null, outcomeState: 'feedback_received' });
    // immediate cadence: under study is accepted as it is
    expect((await admin.post(`/api/assignments/${assist.id}/evaluate`, { decision: 'accept' })).body).toMatchObject({ state: 'accepted', outcomeState: 'evaluated' });

    const closed = (await admin.post(`/api/outcomes/${sent.id}/close`, { comment: '办理完毕' })).body;
    expect(closed).toMatchObject({ state: 'closed', allowedActions: ['record_instruction', 'follow_up'] });

    // 回头看: a new round with new deadlines, the first round stays as history
    const again = (await admin.post(`/api/outcomes/${sent.id}/follow-up`, { cadence: 'quarterly', assignments: [{ departmentId: dept.fgw, role: 'lead', deadline: daysFromNow(90) }], comment: '一年后回头看' })).body;
    expect(again).toMatchObject({ state: 'assigned', round: 2, nextDeadline: daysFromNow(90) });
    expect(again.assignments.map((a: { round: number; current: boolean; state: string }) => [a.round, a.current, a.state])).toEqual([
      [1, false, 'accepted'],
      [1, false, 'accepted'],
      [2, true, 'assigned'],
    ]);
    expect(again.trail.map((e: { action: string; toState: string }) => `${e.action}→${e.toState}`)).toEqual([
      'send→report_sent',
      'record_instruction→instructed',
      'assign→assigned',
      'submit_feedback→feedback_received',
      'send_back→assigned',
      'submit_feedback→feedback_received',
      'submit_feedback→feedback_received',
      'evaluate→feedback_received',
      'evaluate→evaluated',
      'close→closed',
      'follow_up→assigned',
    ]);
    expect(again.trail.find((e: { action: string }) => e.action === 'send_back')).toMatchObject({ actorName: '办公室 周敏', departmentName: '市发展和改革委员会', comment: '措施不够具体，请补充时间表' });
    const audit = await q<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'outcome' AND entity_id = $1 ORDER BY at, id`, [sent.id]);
    expect(audit.map((a) => a.action)).toEqual([
      'outcome.sent', 'outcome.instruction_recorded', 'outcome.assigned', 'outcome.attachment_uploaded', 'outcome.feedback_submitted',
      'outcome.attachment_downloaded', 'outcome.feedback_sent_back', 'outcome.feedback_submitted', 'outcome.feedback_submitted',
      'outcome.feedback_accepted', 'outcome.feedback_accepted', 'outcome.closed', 'outcome.followed_up',
    ]);

    // quarterly cadence: a report still under study is accepted and the next quarter's report falls due
    const [second] = again.assignments.filter((a: { current: boolean }) => a.current);
    await fgw.post(`/api/assignments/${second.id}/feedback`, feedback({ adoption: 'under_study', reason: '试点进行中' }));
    const rearmed = (await admin.post(`/api/assignments/${second.id}/evaluate`, { decision: 'accept' })).body;
    expect(rearmed).toMatchObject({ state: 'assigned', outcomeState: 'assigned' });
    expect(rearmed.deadline > daysFromNow(90)).toBe(true);
  });

  describe('forbidden actions per role', () => {
    let outcome: { id: string };
    let leadId: string;
    beforeAll(async () => {
      outcome = await send();
      leadId = (await admin.post(`/api/outcomes/${outcome.id}/assign`, round())).body.assignments[0].id;
    });

    it.each([
      ['chair', () => chair, 403],
      ['leader', () => leader, 403],
      ['a department liaison', () => fgw, 403],
      ['a member', () => member, 403],
    ])('%s cannot send, edit, assign, close or follow up', async (_who, client, status) => {
      const c = client();
      expect((await c.post('/api/outcomes', { documentId: await insertFinalizedDocument(t.ds), recipients: [{ body: 'other', name: 'x' }] })).status).toBe(status);
      expect((await c.patch(`/api/outcomes/${outcome.id}`, { public: true })).status).toBe(status);
      expect((await c.post(`/api/outcomes/${outcome.id}/assign`, round())).status).toBe(status);
      expect((await c.post(`/api/outcomes/${outcome.id}/close`, {})).status).toBe(status);
      expect((await c.post(`/api/outcomes/${outcome.id}/follow-up`, round())).status).toBe(status);
      expect((await c.post(`/api/assignments/${leadId}/evaluate`, { decision: 'accept' })).status).toBe(status);
      expect((await c.get('/api/outcomes/sources')).status).toBe(status);
    });

    it('only the office and leaders record instructions; members cannot read outcomes at all', async () => {
      const body = { leaderName: '林正阳', date: daysFromNow(0), text: '阅。' };
      expect((await chair.post(`/api/outcomes/${outcome.id}/instructions`, body)).body.error.code).toBe('FORBIDDEN');
      expect((await fgw.post(`/api/outcomes/${outcome.id}/instructions`, body)).status).toBe(403);
      expect((await member.get(`/api/outcomes/${outcome.id}`)).status).toBe(403);
      expect((await member.get('/api/assignments')).status).toBe(403);
      // a later instruction is recorded without moving the outcome
      const later = (await admin.post(`/api/outcomes/${outcome.id}/instructions`, body)).body;
      expect(later.state).toBe('assigned');
      expect(later.trail.at(-1)).toMatchObject({ action: 'record_instruction', fromState: 'assigned', toState: 'assigned' });
    });

    it('only the assigned liaison reports: not the office, not another department', async () => {
      expect((await admin.post(`/api/assignments/${leadId}/feedback`, feedback())).status).toBe(403);
      expect((await env.post(`/api/assignments/${leadId}/feedback`, feedback())).status).toBe(404);
      expect((await env.upload(`/api/assignments/${leadId}/attachments`, PDF, 'a.pdf', 'application/pdf')).status).toBe(404);
    });

    it('refuses steps out of order with INVALID_TRANSITION', async () => {
      const res = await admin.post(`/api/outcomes/${outcome.id}/close`, {});
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', params: { from: 'assigned', to: 'closed', action: 'close' } });
      expect((await admin.post(`/api/outcomes/${outcome.id}/assign`, round())).body.error.code).toBe('INVALID_TRANSITION');
      expect((await admin.post(`/api/assignments/${leadId}/evaluate`, { decision: 'accept' })).body.error.code).toBe('INVALID_TRANSITION');
      await fgw.post(`/api/assignments/${leadId}/feedback`, feedback());
      expect((await fgw.post(`/api/assignments/${leadId}/feedback`, feedback())).body.error.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('bad input gets coded errors', () => {
    it('sending: an unfinished or blank document, a document sent twice, a recipient user who is not a leader', async () => {
      const draft = await insertFinalizedDocument(t.ds, { state: 'in_review' });
      const notFinal = await admin.post('/api/outcomes', { documentId: draft, recipients: [{ body: 'other', name: 'x' }] });
      expect(notFinal.status).toBe(409);
      expect(notFinal.body.error).toMatchObject({ code: 'OUTCOME_SOURCE_NOT_FINAL', params: { state: 'in_review' } });
      const blank = await insertFinalizedDocument(t.ds, { kind: 'blank' });
      expect((await admin.post('/api/outcomes', { documentId: blank, recipients: [{ body: 'other', name: 'x' }] })).body.error.code).toBe('OUTCOME_SOURCE_NOT_FINAL');
      const once = await send();
      const twice = await admin.post('/api/outcomes', { documentId: once.documentId, recipients: [{ body: 'other', name: 'x' }] });
      expect(twice.body.error.code).toBe('OUTCOME_ALREADY_SENT');
      const [{ id: memberId }] = await q<{ id: string }>(`SELECT id FROM users WHERE email = 'member01@demo.local'`);
      const notLeader = await admin.post('/api/outcomes', { documentId: await insertFinalizedDocument(t.ds), recipients: [{ body: 'government', name: 'x', userId: memberId }] });
      expect(notLeader.status).toBe(400);
      expect(notLeader.body.error.details).toEqual([expect.objectContaining({ path: 'body.recipients.0.userId', code: 'not_leader' })]);
      const noRecipients = await admin.post('/api/outcomes', { documentId: await insertFinalizedDocument(t.ds), recipients: [] });
      expect(noRecipients.body.error.code).toBe('VALIDATION_FAILED');
      expect((await admin.post('/api/outcomes', { documentId: '00000000-0000-4000-8000-000000000000', recipients: [{ body: 'other', name: 'x' }] })).body.error.code).toBe('VALIDATION_FAILED');
    });

    it('assigning: no lead or two, a department twice, an unknown department, a bad or past deadline', async () => {
      const o = await send();
      const bad = async (body: unknown) => {
        const res = await admin.post(`/api/outcomes/${o.id}/assign`, body);
        expect(res.status).toBe(400);
        return res.body.error;
      };
      const d = daysFromNow(30);
      expect((await bad({ cadence: 'immediate', assignments: [{ departmentId: dept.fgw, role: 'assisting', deadline: d }] })).code).toBe('VALIDATION_FAILED');
      await bad({ cadence: 'immediate', assignments: [{ departmentId: dept.fgw, role: 'lead', deadline: d }, { departmentId: dept.env, role: 'lead', deadline: d }] });
      await bad({ cadence: 'immediate', assignments: [{ departmentId: dept.fgw, role: 'lead', deadline: d }, { departmentId: dept.fgw, role: 'assisting', deadline: d }] });
      await bad({ cadence: 'weekly', assignments: [{ departmentId: dept.fgw, role: 'lead', deadline: d }] });
      await bad({ cadence: 'immediate', assignments: [{ departmentId: dept.fgw, role: 'lead', deadline: '2026-02-30' }] });
      expect((await bad({ cadence: 'immediate', assignments: [{ departmentId: dept.fgw, role: 'lead', deadline: daysFromNow(-1) }] })).details).toEqual([
        expect.objectContaining({ path: 'body.assignments.0.deadline', code: 'past' }),
      ]);
      expect((await bad({ cadence: 'immediate', assignments: [{ departmentId: '00000000-0000-4000-8000-000000000000', role: 'lead', deadline: d }] })).details).toEqual([
        expect.objectContaining({ path: 'body.assignments.0.departmentId', code: 'unknown' }),
      ]);
      expect((await admin.get(`/api/outcomes/${o.id}`)).body.state).toBe('report_sent');
    });

    it('feedback: not adopted without a reason, unknown attachments, an .exe renamed .pdf; evaluation: send back without a comment', async () => {
      const o = await send();
      const leadId = (await admin.post(`/api/outcomes/${o.id}/assign`, round())).body.assignments[0].id;
      const noReason = await fgw.post(`/api/assignments/${leadId}/feedback`, feedback({ adoption: 'not_adopted' }));
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.code).toBe('VALIDATION_FAILED');
      expect((await fgw.post(`/api/assignments/${leadId}/feedback`, feedback({ measures: '' }))).status).toBe(400);
      const foreign = await fgw.post(`/api/assignments/${leadId}/feedback`, feedback({ attachmentIds: ['00000000-0000-4000-8000-000000000000'] }));
      expect(foreign.body.error.details).toEqual([expect.objectContaining({ path: 'body.attachmentIds', code: 'unknown' })]);
      expect((await fgw.upload(`/api/assignments/${leadId}/attachments`, EXE, 'report.pdf', 'application/pdf')).status).toBe(415);
      // nothing half-written: the failed feedback left the assignment waiting
      expect((await fgw.get(`/api/assignments/${leadId}`)).body).toMatchObject({ state: 'assigned', feedback: [] });
      await fgw.post(`/api/assignments/${leadId}/feedback`, feedback({ adoption: 'not_adopted', reason: '与上位法冲突' }));
      const noComment = await admin.post(`/api/assignments/${leadId}/evaluate`, { decision: 'send_back' });
      expect(noComment.status).toBe(400);
      expect(noComment.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('unknown ids are 404', async () => {
      const none = '00000000-0000-4000-8000-000000000000';
      expect((await admin.get(`/api/outcomes/${none}`)).status).toBe(404);
      expect((await admin.get(`/api/assignments/${none}`)).status).toBe(404);
      expect((await admin.get('/api/outcomes/not-a-uuid')).status).toBe(400);
    });
  });
});
