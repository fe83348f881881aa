import { randomBytes, randomUUID } from 'node:crypto';
import { createDocument } from './collab-clients';
import { oralSpeech } from './live-fixtures';
import { createMeeting, userIds } from './meeting-fixtures';
import type { TestApp } from './test-app';
import type { TestClient } from './test-client';

/*
 * The authorization cells the route's access rule lets through and the service must refuse: someone outside
 * the meeting, another department's liaison, another member's record, a commenter writing. Each is asked
 * once; it must answer one of the expected statuses with a coded error and leave every table as it was.
 */

export interface CellResult {
  feature: string;
  cell: string;
  ok: boolean;
  got: string;
}

interface Cell {
  feature: string;
  cell: string;
  as: TestClient;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  expect: number[];
}

/** Tables that change on every login or by themselves: not part of "nothing changed". */
const VOLATILE = new Set(['sessions', 'login_attempts', 'migrations', 'typeorm_metadata']);

export async function fingerprintOf(t: TestApp): Promise<() => Promise<Record<string, string>>> {
  const tables: Array<{ table_name: string }> = await t.ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const sql =
    'SELECT ' +
    tables
      .filter((r) => !VOLATILE.has(r.table_name))
      .map((r) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${r.table_name}" x) AS "${r.table_name}"`)
      .join(', ');
  return async () => (await t.ds.query(sql))[0];
}

export async function resourceCells(t: TestApp): Promise<CellResult[]> {
  const ds = t.ds;
  const [member01, member02, member03] = await Promise.all(['member01', 'member02', 'member03'].map((u) => t.as(`${u}@demo.local`)));
  const [dept01, admin] = await Promise.all([t.as('dept01@demo.local'), t.as('admin@demo.local')]);
  const [m1, , m3] = await userIds(ds, 'member01@demo.local', 'member02@demo.local', 'member03@demo.local');

  // meetings: one in preparation (not announced) only member01 is invited to, and an announced one where member01 asked for leave
  const draft = await createMeeting(ds, { state: 'preparing', invitees: [m1] });
  const announced = await createMeeting(ds, { state: 'notified', invitees: [{ userId: m1, state: 'leave_requested' }] });
  const speechId = await oralSpeech(ds, announced.id, m1, 1);

  // topics: member01 proposed, member03 is asked to co-sign
  const [topic] = await ds.query(
    `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, state, proposer_id)
     VALUES ($1, 2031, '关于完善社区养老服务的建议', '摘要', '理由', 'consultation', 'social', 'joint', 'submitted', $2) RETURNING id`,
    [randomBytes(8).toString('hex'), m1],
  );
  await ds.query(`INSERT INTO topic_co_signers (topic_id, user_id) VALUES ($1, $2)`, [topic.id, m3]);

  // plans: a draft plan of the office
  const plan = await admin.post('/api/plans', { year: 2031 });
  if (plan.status !== 200) throw new Error(`plan fixture: ${JSON.stringify(plan.body)}`);

  // documents: member01 edits, member03 comments, member02 has nothing to do with it
  const documentId = await createDocument(ds, { title: '协商报告（草稿）', members: { 'member01@demo.local': 'editor', 'member03@demo.local': 'commenter' } });

  // outcomes: an assignment of another department than dept01's (from the demo data)
  const [dept01Row] = await ds.query(`SELECT department_id FROM users WHERE email = 'dept01@demo.local'`);
  const [foreign] = await ds.query(`SELECT id, outcome_id FROM outcome_assignments WHERE department_id <> $1 LIMIT 1`, [dept01Row.department_id]);
  if (!foreign) throw new Error('the demo data has no assignment of another department');

  // notifications: someone else's unread notification
  const [notification] = await ds.query(`SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email <> 'member02@demo.local' AND n.read_at IS NULL LIMIT 1`);

  // single-role users of the matrix (the demo chair is also a member)
  const [member, chair] = await Promise.all([t.as('h7-member@matrix.test'), t.as('h7-chair@matrix.test')]);
  const cells: Cell[] = [
    { feature: 'meetings', cell: 'an uninvited member reads a draft meeting', as: member02, method: 'GET', path: `/api/meetings/${draft.id}`, expect: [404] },
    { feature: 'meetings', cell: 'an uninvited member downloads its calendar entry', as: member02, method: 'GET', path: `/api/meetings/${draft.id}/calendar.ics`, expect: [404] },
    { feature: 'meetings', cell: 'an uninvited member downloads a material of it', as: member02, method: 'GET', path: `/api/meetings/${draft.id}/materials/${randomUUID()}`, expect: [404] },
    { feature: 'meetings', cell: 'a member (not host) cancels a meeting', as: member, method: 'POST', path: `/api/meetings/${announced.id}/transition`, body: { action: 'cancel', reason: '改期' }, expect: [403, 404] },
    { feature: 'meetings', cell: 'a member (not host) opens the live session', as: member02, method: 'POST', path: `/api/meetings/${announced.id}/transition`, body: { action: 'go_live' }, expect: [403, 404] },
    { feature: 'attendance', cell: 'a member of another meeting replies to its invitation', as: member02, method: 'POST', path: `/api/meetings/${announced.id}/invitation`, body: { action: 'accept' }, expect: [403, 404] },
    { feature: 'attendance', cell: 'a member decides another member’s leave request', as: member02, method: 'POST', path: `/api/invitations/${announced.invitation.get(m1)}/leave-decision`, body: { approve: true }, expect: [403, 404] },
    { feature: 'attendance', cell: 'the member approves their own leave request', as: member01, method: 'POST', path: `/api/invitations/${announced.invitation.get(m1)}/leave-decision`, body: { approve: true }, expect: [403] },
    { feature: 'attendance', cell: 'an uninvited member checks in to a meeting', as: member02, method: 'POST', path: `/api/meetings/${announced.id}/check-in`, body: { token: 'abcdefgh' }, expect: [400, 403, 404, 409] },
    { feature: 'speeches', cell: 'a member edits another member’s speech', as: member02, method: 'PATCH', path: `/api/speeches/${speechId}`, body: { title: '篡改的标题' }, expect: [403, 404] },
    { feature: 'topics', cell: 'a member edits another member’s topic', as: member02, method: 'PATCH', path: `/api/topics/${topic.id}`, body: { title: '关于篡改他人议题的建议' }, expect: [403, 404] },
    { feature: 'topics', cell: 'a member who was not asked confirms a co-signature', as: member02, method: 'POST', path: `/api/topics/${topic.id}/co-sign`, body: { decision: 'confirm' }, expect: [403, 404] },
    { feature: 'plans', cell: 'a member reads a draft plan', as: member02, method: 'GET', path: `/api/plans/${plan.body.id}`, expect: [404] },
    { feature: 'plans', cell: 'a member submits a draft plan', as: member02, method: 'POST', path: `/api/plans/${plan.body.id}/transition`, body: { action: 'submit' }, expect: [403, 404] },
    { feature: 'documents', cell: 'an outsider reads a draft document', as: member02, method: 'GET', path: `/api/documents/${documentId}`, expect: [404] },
    { feature: 'documents', cell: 'an outsider renames it', as: member02, method: 'PATCH', path: `/api/documents/${documentId}`, body: { title: '改名' }, expect: [404] },
    { feature: 'documents', cell: 'a commenter renames it', as: member03, method: 'PATCH', path: `/api/documents/${documentId}`, body: { title: '改名' }, expect: [403] },
    { feature: 'documents', cell: 'a commenter saves a named version', as: member03, method: 'POST', path: `/api/documents/${documentId}/versions`, body: { name: '第二稿' }, expect: [403] },
    { feature: 'documents', cell: 'a commenter submits it for review', as: member03, method: 'POST', path: `/api/documents/${documentId}/transition`, body: { action: 'submit_for_review' }, expect: [403] },
    { feature: 'outcomes', cell: 'a liaison reads another department’s assignment', as: dept01, method: 'GET', path: `/api/assignments/${foreign.id}`, expect: [403, 404] },
    { feature: 'outcomes', cell: 'a liaison answers another department’s assignment', as: dept01, method: 'POST', path: `/api/assignments/${foreign.id}/feedback`, body: { adoption: 'adopted', measures: '代替他人答复' }, expect: [403, 404] },
    { feature: 'outcomes', cell: 'a chair records a leader’s instruction', as: chair, method: 'POST', path: `/api/outcomes/${foreign.outcome_id}/instructions`, body: { leaderName: '李明 副市长', date: '2026-01-05', text: '请抓紧办理' }, expect: [403] },
    { feature: 'duty', cell: 'a member reads another member’s duty record', as: member02, method: 'GET', path: `/api/duty/members/${m1}`, expect: [403] },
    { feature: 'duty', cell: 'a member reads the ranking', as: member02, method: 'GET', path: '/api/duty/ranking?year=2026', expect: [403] },
  ];
  if (notification) cells.push({ feature: 'notifications', cell: 'a member marks someone else’s notification read', as: member02, method: 'POST', path: '/api/notifications/read', body: { ids: [notification.id] }, expect: [200, 403, 404] });

  const fingerprint = await fingerprintOf(t);
  const results: CellResult[] = [];
  for (const c of cells) {
    const before = await fingerprint();
    const r = await c.as.request(c.method, c.path, c.body === undefined ? {} : { body: c.body });
    const after = await fingerprint();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    const coded = r.status < 400 || typeof r.body?.error?.code === 'string';
    results.push({
      feature: c.feature,
      cell: c.cell,
      ok: c.expect.includes(r.status) && coded && changed.length === 0,
      got: `${r.status} ${r.body?.error?.code ?? ''}${changed.length ? ` changed ${changed.join(', ')}` : ''}`,
    });
  }
  return results;
}
