import type { Speech } from '@xieshang/contracts';
import { SpeechesService } from '../src/modules/speeches/speeches.service';
import { auditActions, createMeeting, hoursFromNow, notificationsOf, userIds, type MeetingFixture } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

// Under the multi-project runner the api project's testTimeout is not applied; booting an app can take over 5 s on a busy machine.
jest.setTimeout(30_000);

describe('arranged speeches (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let m1: TestClient;
  let m2: TestClient;
  let m3: TestClient;
  let m4: TestClient;
  let ids: Record<'m1' | 'm2' | 'm3' | 'm4', string>;
  let meeting: MeetingFixture;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    [admin, chair, m1, m2, m3, m4] = await Promise.all(['admin', 'chair', 'member01', 'member02', 'member03', 'member04'].map((u) => t.as(`${u}@demo.local`)));
    const [u1, u2, u3, u4] = await userIds(t.ds, 'member01@demo.local', 'member02@demo.local', 'member03@demo.local', 'member04@demo.local');
    ids = { m1: u1, m2: u2, m3: u3, m4: u4 };
    meeting = await createMeeting(t.ds, { state: 'materials_sent', startsAt: hoursFromNow(48), invitees: [u1, u2, u3] });
  });
  afterAll(() => t.close());

  const draft = async (who: TestClient, title: string) => {
    const res = await who.post<Speech>(`/api/meetings/${meeting.id}/speeches`, { title, content: `${title}：发言正文……` });
    expect(res.status).toBe(200);
    return res.body;
  };
  const act = (who: TestClient, id: string, action: string, comment?: string) => who.post(`/api/speeches/${id}/transition`, { action, comment });
  /** Drafted, submitted and taken into review: ready for the office's verdict. */
  const inReview = async (who: TestClient, title: string) => {
    const s = await draft(who, title);
    expect((await act(who, s.id, 'submit')).body.state).toBe('submitted');
    expect((await act(admin, s.id, 'start_review')).body.state).toBe('in_review');
    return s;
  };
  const order = async () => {
    const rows: Array<{ id: string; oral_order: number }> = await t.ds.query(
      `SELECT id, oral_order FROM meeting_speeches WHERE meeting_id = $1 AND oral_order IS NOT NULL ORDER BY oral_order`, [meeting.id]);
    return rows;
  };

  it('lets invitees draft and edit their own speech while it is a draft', async () => {
    const s = await draft(m1, '关于老旧小区加装电梯的建议');
    expect(s).toMatchObject({ meetingId: meeting.id, authorId: ids.m1, state: 'draft', oralOrder: null, submittedAt: null, allowedActions: ['submit'] });

    const outsider = await m4.post(`/api/meetings/${meeting.id}/speeches`, { title: '不请自来', content: '……' });
    expect([outsider.status, outsider.body.error.code]).toEqual([403, 'NOT_INVITED']);
    const blank = await m1.post(`/api/meetings/${meeting.id}/speeches`, { title: ' ', content: '' });
    expect(blank.status).toBe(400);

    const edited = await m1.patch<Speech>(`/api/speeches/${s.id}`, { content: '修改后的正文' });
    expect(edited.body).toMatchObject({ title: '关于老旧小区加装电梯的建议', content: '修改后的正文' });
    const notMine = await m2.patch(`/api/speeches/${s.id}`, { title: '抢改' });
    expect([notMine.status, notMine.body.error.code]).toEqual([403, 'FORBIDDEN']);

    await act(m1, s.id, 'submit');
    const locked = await m1.patch(`/api/speeches/${s.id}`, { title: '提交后再改' });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'CONFLICT']);
    // Withdrawing makes it editable again.
    expect((await act(m1, s.id, 'withdraw')).body).toMatchObject({ state: 'draft', submittedAt: null });
    expect((await m1.patch<Speech>(`/api/speeches/${s.id}`, { title: '撤回后修改' })).body.title).toBe('撤回后修改');
    expect(await auditActions(t.ds, 'speech', s.id)).toEqual(['speech.created', 'speech.updated', 'speech.submit', 'speech.withdraw', 'speech.updated']);
  });

  it('refuses speeches for ended or cancelled meetings', async () => {
    for (const state of ['minutes', 'cancelled'] as const) {
      const closed = await createMeeting(t.ds, { state, invitees: [ids.m1] });
      const res = await m1.post(`/api/meetings/${closed.id}/speeches`, { title: '迟到的发言', content: '……' });
      expect([res.status, res.body.error.code, res.body.error.params]).toEqual([409, 'MEETING_LOCKED', { state }]);
    }
  });

  it('runs the review: only the office reviews; revision and diversion need a comment; the author is told', async () => {
    const s = await draft(m2, '关于加强社区养老服务的建议');
    const submitted = await act(m2, s.id, 'submit');
    expect(submitted.body.submittedAt).not.toBeNull();
    expect(submitted.body.allowedActions).toEqual(['withdraw']);

    for (const who of [m2, m1, chair]) {
      const res = await act(who, s.id, 'start_review');
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const reviewing = await act(admin, s.id, 'start_review');
    expect(reviewing.body.allowedActions).toEqual(['accept_oral', 'accept_written', 'request_revision', 'divert']);

    const noComment = await act(admin, s.id, 'request_revision');
    expect([noComment.status, noComment.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(noComment.body.error.details).toEqual([expect.objectContaining({ path: 'body.comment' })]);
    const revise = await act(admin, s.id, 'request_revision', '请补充本市养老床位数据');
    expect(revise.body).toMatchObject({ state: 'needs_revision', reviewComment: '请补充本市养老床位数据' });
    expect(await notificationsOf(t.ds, ids.m2, meeting.id)).toEqual([
      { kind: 'speech_reviewed', params: { title: '关于加强社区养老服务的建议', state: 'needs_revision', meetingTitle: meeting.title }, link: `/meetings/${meeting.id}` },
    ]);

    expect((await m2.patch<Speech>(`/api/speeches/${s.id}`, { content: '补充数据后的正文' })).body.state).toBe('needs_revision');
    await act(m2, s.id, 'submit');
    await act(admin, s.id, 'start_review');
    expect((await act(admin, s.id, 'divert')).body.error.code).toBe('VALIDATION_FAILED');
    const diverted = await act(admin, s.id, 'divert', '转为社情民意信息报送');
    expect(diverted.body).toMatchObject({ state: 'diverted', reviewComment: '转为社情民意信息报送', oralOrder: null, allowedActions: [] });
    expect((await notificationsOf(t.ds, ids.m2, meeting.id)).map((n) => n.params.state)).toEqual(['needs_revision', 'diverted']);
    const wrong = await act(admin, s.id, 'accept_oral');
    expect([wrong.status, wrong.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('appends accepted oral speeches to the running order and closes the gap when one leaves it', async () => {
    const a = await inReview(m1, '发言甲');
    const b = await inReview(m2, '发言乙');
    const c = await inReview(m3, '发言丙');
    expect((await act(admin, a.id, 'accept_oral')).body.oralOrder).toBe(1);
    expect((await act(admin, b.id, 'accept_oral')).body.oralOrder).toBe(2);
    expect((await act(admin, c.id, 'accept_oral')).body.oralOrder).toBe(3);

    const written = await act(admin, a.id, 'accept_written', '篇幅所限，改为书面发言');
    expect(written.body).toMatchObject({ state: 'written_only', oralOrder: null });
    expect(await order()).toEqual([{ id: b.id, oral_order: 1 }, { id: c.id, oral_order: 2 }]);
    // Swapped back to oral, it goes to the end of the line.
    expect((await act(admin, a.id, 'accept_oral')).body.oralOrder).toBe(3);
    expect(await order()).toEqual([{ id: b.id, oral_order: 1 }, { id: c.id, oral_order: 2 }, { id: a.id, oral_order: 3 }]);
  });

  it('sets the running order only to exactly the oral speeches (office only)', async () => {
    const current = (await order()).map((r) => r.id);
    expect(current).toHaveLength(3);
    const path = `/api/meetings/${meeting.id}/speeches/order`;
    const put = (who: TestClient, speechIds: string[]) => who.request('PUT', path, { body: { speechIds } });

    for (const bad of [current.slice(0, 2), [...current, current[0]], [...current.slice(1), current[1]], [...current, '00000000-0000-4000-8000-000000000000']]) {
      const res = await put(admin, bad);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.error.details[0].path).toBe('body.speechIds');
    }
    expect((await put(m1, [...current].reverse())).status).toBe(403);

    const reversed = [...current].reverse();
    const res = await put(admin, reversed);
    expect(res.status).toBe(200);
    expect(res.body.filter((s: Speech) => s.state === 'oral').map((s: Speech) => [s.id, s.oralOrder])).toEqual(reversed.map((id, i) => [id, i + 1]));
    expect(await auditActions(t.ds, 'meeting', meeting.id)).toContain('speech.ordered');

    // The live module's view of the same order.
    const oral = await t.app.get(SpeechesService).oralSpeechesInOrder(meeting.id);
    expect(oral.map((o) => o.speechId)).toEqual(reversed);
    expect(oral[0]).toEqual({ speechId: reversed[0], authorId: expect.any(String), authorName: expect.any(String), sectorName: expect.any(String), title: expect.any(String) });
  });

  it('shows the office everything, authors their own, other invitees the oral order only; outsiders nothing', async () => {
    const pending = await draft(m3, '尚未提交的草稿');
    const path = `/api/meetings/${meeting.id}/speeches`;

    const all = await admin.get<Speech[]>(path);
    expect(all.body.map((s) => s.id)).toContain(pending.id);
    expect(all.body.every((s) => s.content.length > 0)).toBe(true);
    // The running order comes first.
    expect(all.body.slice(0, 3).map((s) => s.oralOrder)).toEqual([1, 2, 3]);

    const mine = await m2.get<Speech[]>(path);
    const own = mine.body.filter((s) => s.authorId === ids.m2);
    expect(own.map((s) => s.state).sort()).toEqual(['diverted', 'oral']);
    expect(own.every((s) => s.content.length > 0)).toBe(true);
    const others = mine.body.filter((s) => s.authorId !== ids.m2);
    expect(others.length).toBe(2);
    expect(others.every((s) => s.state === 'oral' && s.content === '' && s.reviewComment === null && s.allowedActions.length === 0)).toBe(true);
    expect(mine.body.map((s) => s.id)).not.toContain(pending.id);

    // The chair (hosting or not) sees the running order; so does a leader.
    expect((await chair.get<Speech[]>(path)).body.map((s) => s.state)).toEqual(['oral', 'oral', 'oral']);
    expect((await (await t.as('leader@demo.local')).get<Speech[]>(path)).body.map((s) => s.state)).toEqual(['oral', 'oral', 'oral']);
    const outsider = await m4.get(path);
    expect([outsider.status, outsider.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses changes to speeches once the meeting has ended', async () => {
    const s = await draft(m1, '会后才想起的发言');
    await t.ds.query(`UPDATE meetings SET state = 'minutes' WHERE id = $1`, [meeting.id]);
    expect((await act(m1, s.id, 'submit')).body.error.code).toBe('MEETING_LOCKED');
    expect((await m1.patch(`/api/speeches/${s.id}`, { title: 'x' })).body.error.code).toBe('MEETING_LOCKED');
    const ids3 = (await order()).map((r) => r.id);
    expect((await admin.request('PUT', `/api/meetings/${meeting.id}/speeches/order`, { body: { speechIds: ids3 } })).body.error.code).toBe('MEETING_LOCKED');
  });
});
