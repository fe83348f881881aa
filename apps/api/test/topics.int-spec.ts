import type { MyTopics, Page, SimilarTopic, Topic, TopicBulkResult, TopicSummary } from '@xieshang/contracts';
import { userIds } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

jest.setTimeout(30_000);

describe('topics: intake, screening, merge, support (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let m1: TestClient;
  let m2: TestClient;
  let m3: TestClient;
  let dept: TestClient;
  let leader: TestClient;
  let ids: Record<'m1' | 'm2' | 'm3', string>;

  const text = (title: string, over: Record<string, unknown> = {}) => ({
    title,
    summary: `${title}：现状、问题与对策。`,
    rationale: '群众反映强烈，相关部门已有初步工作基础，适合开展专题协商。',
    category: 'consultation',
    policyArea: 'livelihood',
    ...over,
  });
  const propose = async (who: TestClient, title: string, over: Record<string, unknown> = {}) => {
    const res = await who.post<Topic>('/api/topics', text(title, over));
    expect(res.status).toBe(200);
    return res.body;
  };
  const act = (who: TestClient, id: string, body: Record<string, unknown>) => who.post(`/api/topics/${id}/transition`, body);
  const toPool = async (id: string) => {
    expect((await act(admin, id, { action: 'start_screening' })).body.state).toBe('screening');
    expect((await act(admin, id, { action: 'pool' })).body.state).toBe('pooled');
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    [admin, chair, m1, m2, m3, dept, leader] = await Promise.all(
      ['admin', 'chair', 'member01', 'member02', 'member03', 'dept01', 'leader'].map((u) => t.as(`${u}@demo.local`)),
    );
    const [u1, u2, u3] = await userIds(t.ds, 'member01@demo.local', 'member02@demo.local', 'member03@demo.local');
    ids = { m1: u1, m2: u2, m3: u3 };
  });
  afterAll(() => t.close());

  it('files a member topic with co-signers as joint; co-signers confirm or decline from my topics', async () => {
    const topic = await propose(m1, '关于推进老旧小区加装电梯的建议', { coSignerIds: [ids.m2, ids.m3, ids.m1] });
    expect(topic).toMatchObject({ source: 'joint', state: 'submitted', proposerId: ids.m1, coSignerCount: 0, canEdit: true });
    expect(topic.coSigners.map((c) => [c.userId, c.state]).sort()).toEqual([[ids.m2, 'invited'], [ids.m3, 'invited']].sort());
    expect(topic.history).toEqual([expect.objectContaining({ action: 'submit', toState: 'submitted' })]);

    const requests = await m2.get<MyTopics>('/api/my/topics');
    expect(requests.body.coSignRequests.map((r) => r.id)).toContain(topic.id);
    // …and are told in the notification centre, linking to the topic.
    const inbox = await m2.get<{ items: Array<{ kind: string; link: string; params: Record<string, unknown> }> }>('/api/notifications');
    expect(inbox.body.items.find((n) => n.kind === 'cosign_requested')).toMatchObject({ link: `/topics/${topic.id}`, params: { title: '关于推进老旧小区加装电梯的建议' } });
    const confirmed = await m2.post<Topic>(`/api/topics/${topic.id}/co-sign`, { decision: 'confirm' });
    expect(confirmed.body).toMatchObject({ coSignerCount: 1, myCoSignState: 'confirmed' });
    expect((await m3.post(`/api/topics/${topic.id}/co-sign`, { decision: 'decline' })).status).toBe(200);
    expect((await m3.post(`/api/topics/${topic.id}/co-sign`, { decision: 'confirm' })).status).toBe(409);
    const stranger = await t.as('member05@demo.local');
    expect((await stranger.post(`/api/topics/${topic.id}/co-sign`, { decision: 'confirm' })).status).toBe(403);

    const mine = await m2.get<MyTopics>('/api/my/topics');
    expect(mine.body.topics.find((x) => x.id === topic.id)?.role).toBe('co_signer');
    expect((await m1.get<MyTopics>('/api/my/topics')).body.topics.find((x) => x.id === topic.id)?.role).toBe('proposer');
    // Not yet in the pool: other members do not see it.
    expect((await stranger.get(`/api/topics/${topic.id}`)).status).toBe(404);
  });

  it('decides sources by role: departments file 部门点题, the office enters 党委定题 with a reference', async () => {
    const byDept = await propose(dept, '关于优化营商环境的点题');
    expect(byDept).toMatchObject({ source: 'department', unitName: '市发展和改革委员会', proposerId: expect.any(String) });

    const noRef = await admin.post('/api/topics', text('党委交办议题', { source: 'party_committee' }));
    expect([noRef.status, noRef.body.error.details[0].path]).toEqual([400, 'body.sourceRef']);
    const assigned = await propose(admin, '关于加快建设全国统一大市场的协商', { source: 'party_committee', sourceRef: '市委办〔2026〕12号', proposerName: '市委办公室', category: 'supervision' });
    expect(assigned).toMatchObject({ source: 'party_committee', sourceRef: '市委办〔2026〕12号', proposerId: null, proposerName: '市委办公室', category: 'supervision' });

    const memberAsOffice = await m1.post('/api/topics', text('越权', { source: 'office' }));
    expect(memberAsOffice.status).toBe(403);
    const observer = await t.client().post('/api/topics', text('未登录'));
    expect(observer.status).toBe(401);
  });

  it('screens along flow 1: rejection needs a reason, history records actor and comment, selection is left to the plan', async () => {
    const topic = await propose(m1, '关于治理城市内涝的建议');
    const noReason = await act(admin, topic.id, { action: 'reject' });
    expect([noReason.status, noReason.body.error.code, noReason.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'body.reason']);
    const rejected = await act(admin, topic.id, { action: 'reject', reason: '属于信访事项，请通过信访渠道反映' });
    expect(rejected.body).toMatchObject({ state: 'rejected', rejectReason: '属于信访事项，请通过信访渠道反映', allowedActions: ['reopen'] });
    expect(rejected.body.history.at(-1)).toMatchObject({ action: 'reject', fromState: 'submitted', toState: 'rejected', actorName: expect.any(String), comment: '属于信访事项，请通过信访渠道反映' });

    const shortlistRejected = await act(admin, topic.id, { action: 'shortlist' });
    expect([shortlistRejected.status, shortlistRejected.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const reopened = await act(admin, topic.id, { action: 'reopen', comment: '经核实不属于信访事项' });
    expect(reopened.body).toMatchObject({ state: 'screening', rejectReason: null });

    // Members cannot screen; the chair may shortlist but not pool.
    expect((await m2.post(`/api/topics/${topic.id}/transition`, { action: 'pool' })).status).toBe(403);
    expect((await act(chair, topic.id, { action: 'pool' })).body.error.code).toBe('FORBIDDEN');
    expect((await act(admin, topic.id, { action: 'pool' })).body.state).toBe('pooled');
    expect((await act(chair, topic.id, { action: 'shortlist' })).body.state).toBe('shortlisted');
    const select = await act(admin, topic.id, { action: 'select' });
    expect([select.status, select.body.error.details[0].path]).toEqual([400, 'body.action']);
  });

  it('lets members support pooled topics (not their own), and the office see the counts', async () => {
    const topic = await propose(m1, '关于发展托育服务的建议');
    expect((await m2.post(`/api/topics/${topic.id}/support`)).status).toBe(404);
    await toPool(topic.id);
    expect((await m1.post(`/api/topics/${topic.id}/support`)).status).toBe(403);
    expect((await m2.post<Topic>(`/api/topics/${topic.id}/support`)).body).toMatchObject({ supportCount: 1, supportedByMe: true });
    expect((await m2.post<Topic>(`/api/topics/${topic.id}/support`)).body.supportCount).toBe(1);
    expect((await m3.post<Topic>(`/api/topics/${topic.id}/support`)).body.supportCount).toBe(2);
    expect((await m3.delete<Topic>(`/api/topics/${topic.id}/support`)).body).toMatchObject({ supportCount: 1, supportedByMe: false });
    const board = await admin.get<Page<TopicSummary>>(`/api/topics?q=${encodeURIComponent('托育服务')}`);
    expect(board.body.items.find((x) => x.id === topic.id)?.supportCount).toBe(1);
  });

  it('merges a duplicate: the survivor takes its co-signers, supports and proposer; both histories say so', async () => {
    const survivor = await propose(m1, '关于加强社区养老服务体系建设的建议', { summary: '社区养老服务设施不足，居家养老上门服务覆盖面窄，建议完善社区养老服务网络。' });
    const duplicate = await propose(m2, '关于完善社区居家养老服务的建议', { coSignerIds: [ids.m3], summary: '居家养老服务供给不足，社区养老服务设施分布不均，建议加大投入。' });
    await m3.post(`/api/topics/${duplicate.id}/co-sign`, { decision: 'confirm' });
    await toPool(survivor.id);
    await toPool(duplicate.id);
    await m1.post(`/api/topics/${duplicate.id}/support`);
    const leaderSupport = await leader.post(`/api/topics/${duplicate.id}/support`);
    expect(leaderSupport.status).toBe(403);

    const similar = await admin.get<SimilarTopic[]>(`/api/topics/${duplicate.id}/similar`);
    expect(similar.status).toBe(200);
    expect(similar.body[0]).toMatchObject({ id: survivor.id, state: 'pooled' });
    expect(similar.body[0].similarity).toBeGreaterThan(0.12);
    expect(similar.body.map((s) => s.id)).not.toContain(duplicate.id);

    const self = await act(admin, duplicate.id, { action: 'merge', targetId: duplicate.id });
    expect([self.status, self.body.error.details[0].path]).toEqual([400, 'body.targetId']);
    const merged = await act(admin, duplicate.id, { action: 'merge', targetId: survivor.id, comment: '内容重复，并入' });
    expect(merged.body).toMatchObject({ state: 'merged', mergedInto: { id: survivor.id }, coSigners: [], supportCount: 0 });

    const after = (await admin.get<Topic>(`/api/topics/${survivor.id}`)).body;
    // m1 proposed the survivor, so their support of the duplicate does not count twice; m2 and m3 become co-signers.
    expect(after.coSigners.map((c) => [c.userId, c.state]).sort()).toEqual([[ids.m2, 'confirmed'], [ids.m3, 'confirmed']].sort());
    expect(after).toMatchObject({ coSignerCount: 2, supportCount: 0, mergedFrom: [{ id: duplicate.id, title: duplicate.title }] });
    expect(after.history.at(-1)).toMatchObject({ action: 'merged_in', comment: '内容重复，并入' });

    const intoMerged = await act(admin, (await propose(m3, '又一个重复议题')).id, { action: 'start_screening' });
    const again = await act(admin, intoMerged.body.id, { action: 'merge', targetId: duplicate.id });
    expect([again.status, again.body.error.code]).toEqual([409, 'TOPIC_MERGE_TARGET']);
  });

  it('runs the board: filters, full-text search on Chinese text, bulk shortlist and bulk reject with one reason', async () => {
    const a = await propose(m1, '关于加强生态环境保护督查的建议', { category: 'supervision', policyArea: 'ecology' });
    const b = await propose(m2, '关于长江岸线生态修复的建议', { category: 'supervision', policyArea: 'ecology' });
    const c = await propose(m3, '关于生态补偿机制的建议', { policyArea: 'ecology' });
    await toPool(a.id);
    await toPool(b.id);

    const filtered = await admin.get<Page<TopicSummary>>('/api/topics?category=supervision&policyArea=ecology&state=pooled');
    expect(filtered.body.items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const search = await admin.get<Page<TopicSummary>>(`/api/topics?q=${encodeURIComponent('岸线生态')}`);
    expect(search.body.items.map((x) => x.id)).toEqual([b.id]);
    const bySource = await admin.get<Page<TopicSummary>>(`/api/topics?source=party_committee,department&pageSize=200`);
    expect(new Set(bySource.body.items.map((x) => x.source))).toEqual(new Set(['party_committee', 'department']));

    const shortlist = await admin.post<TopicBulkResult>('/api/topics/bulk', { ids: [a.id, b.id, c.id], action: 'shortlist' });
    expect(shortlist.body.updated.sort()).toEqual([a.id, b.id].sort());
    expect(shortlist.body.refused).toEqual([{ id: c.id, code: 'INVALID_TRANSITION', params: expect.objectContaining({ from: 'submitted' }) }]);

    const rejectNoReason = await admin.post<TopicBulkResult>('/api/topics/bulk', { ids: [c.id], action: 'reject' });
    expect(rejectNoReason.body.refused[0]).toMatchObject({ id: c.id, code: 'VALIDATION_FAILED' });
    const rejected = await admin.post<TopicBulkResult>('/api/topics/bulk', { ids: [c.id], action: 'reject', reason: '不属于政协协商范围' });
    expect(rejected.body.updated).toEqual([c.id]);
    expect((await admin.get<Topic>(`/api/topics/${c.id}`)).body.rejectReason).toBe('不属于政协协商范围');

    // Members see the pool only, without screening-stage topics; screening routes stay closed to them.
    const asMember = await m3.get<Page<TopicSummary>>('/api/topics?pageSize=200');
    expect(asMember.body.items.every((x) => ['pooled', 'shortlisted', 'selected', 'not_selected'].includes(x.state))).toBe(true);
    expect((await m3.get(`/api/topics/${a.id}/similar`)).status).toBe(403);
    expect((await m3.post('/api/topics/bulk', { ids: [a.id], action: 'reject', reason: 'x' })).status).toBe(403);
  });

  it('lets the proposer edit only before screening, and the office until selection', async () => {
    const topic = await propose(m1, '关于规范校外培训的建议');
    expect((await m1.patch<Topic>(`/api/topics/${topic.id}`, { title: '关于规范校外培训机构的建议' })).body.title).toBe('关于规范校外培训机构的建议');
    expect((await m2.patch(`/api/topics/${topic.id}`, { title: '抢改' })).status).toBe(404);
    await act(admin, topic.id, { action: 'start_screening' });
    expect((await m1.patch(`/api/topics/${topic.id}`, { title: '再改' })).status).toBe(403);
    expect((await admin.patch<Topic>(`/api/topics/${topic.id}`, { policyArea: 'culture_education' })).body.policyArea).toBe('culture_education');
  });
});
