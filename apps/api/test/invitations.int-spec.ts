import type { Invitation, LeaveRequest } from '@xieshang/contracts';
import { auditActions, committeeWithHead, createMeeting, hoursFromNow, notificationsOf, userId, userIds } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

// Under the multi-project runner the api project's testTimeout is not applied; booting an app can take over 5 s on a busy machine.
jest.setTimeout(30_000);

describe('invitations and leave (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient;
  let leader: TestClient;
  let m1: TestClient;
  let m2: TestClient;
  let m3: TestClient;
  let m4: TestClient;
  let ids: { admin: string; chair: string; m1: string; m2: string; m3: string; m4: string; m5: string };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    [admin, chair, leader, m1, m2, m3, m4] = await Promise.all(
      ['admin', 'chair', 'leader', 'member01', 'member02', 'member03', 'member04'].map((u) => t.as(`${u}@demo.local`)),
    );
    const [a, c, u1, u2, u3, u4, u5] = await userIds(t.ds, 'admin@demo.local', 'chair@demo.local', 'member01@demo.local', 'member02@demo.local', 'member03@demo.local', 'member04@demo.local', 'member05@demo.local');
    ids = { admin: a, chair: c, m1: u1, m2: u2, m3: u3, m4: u4, m5: u5 };
  });
  afterAll(() => t.close());

  const leaveIds = (page: { items: LeaveRequest[] }) => page.items.map((r) => r.id);

  it('shows my invitation; NOT_INVITED for others, NOT_FOUND for an unknown meeting', async () => {
    const meeting = await createMeeting(t.ds, { invitees: [ids.m1] });
    const mine = await m1.get<Invitation>(`/api/meetings/${meeting.id}/invitation`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ meetingId: meeting.id, userId: ids.m1, state: 'invited', attendance: null, checkInMode: null });
    expect(mine.body.sectorName).toBeTruthy();

    const other = await m2.get(`/api/meetings/${meeting.id}/invitation`);
    expect([other.status, other.body.error.code]).toEqual([403, 'NOT_INVITED']);
    const unknown = await m1.get(`/api/meetings/00000000-0000-4000-8000-000000000000/invitation`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const reply = await m2.post(`/api/meetings/${meeting.id}/invitation`, { action: 'accept' });
    expect([reply.status, reply.body.error.code]).toEqual([403, 'NOT_INVITED']);
  });

  it('accepts, declines with a reason and asks for leave (reason required); every step audited', async () => {
    const meeting = await createMeeting(t.ds, { leaveApprover: 'chair', invitees: [ids.m1] });
    const path = `/api/meetings/${meeting.id}/invitation`;
    const accepted = await m1.post<Invitation>(path, { action: 'accept' });
    expect(accepted.body).toMatchObject({ state: 'accepted', leaveReason: null });
    expect(accepted.body.respondedAt).not.toBeNull();

    const declined = await m1.post<Invitation>(path, { action: 'decline', reason: '出差在外' });
    expect(declined.body).toMatchObject({ state: 'declined', leaveReason: '出差在外' });

    const noReason = await m1.post(path, { action: 'request_leave', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: { path: string }) => d.path)).toContain('body.reason');

    const asked = await m1.post<Invitation>(path, { action: 'request_leave', reason: '参加省里培训' });
    expect(asked.body).toMatchObject({ state: 'leave_requested', leaveReason: '参加省里培训' });
    // Every active chair is told (the demo has one), not the office.
    expect(await notificationsOf(t.ds, ids.chair, meeting.id)).toEqual([
      { kind: 'leave_requested', params: { title: meeting.title, name: expect.any(String) }, link: '/leave-requests' },
    ]);
    expect(await notificationsOf(t.ds, ids.admin, meeting.id)).toEqual([]);

    // Accepting again withdraws the request.
    const withdrawn = await m1.post<Invitation>(path, { action: 'accept' });
    expect(withdrawn.body).toMatchObject({ state: 'accepted', leaveReason: null });
    const bad = await m1.post(path, { action: 'accept' });
    expect([bad.status, bad.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);

    expect(await auditActions(t.ds, 'meeting_invitation', meeting.invitation.get(ids.m1)!)).toEqual([
      'invitation.accept', 'invitation.decline', 'invitation.request_leave', 'invitation.accept',
    ]);
  });

  it('plenary-style type: the chair decides; the member cannot approve their own leave, nor can others', async () => {
    const meeting = await createMeeting(t.ds, { leaveApprover: 'chair', invitees: [ids.m1, ids.m2] });
    await m1.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '手术后休养' });
    const invitationId = meeting.invitation.get(ids.m1)!;
    const decide = `/api/invitations/${invitationId}/leave-decision`;

    for (const who of [m1, m2, admin, leader]) {
      const res = await who.post(decide, { approve: true });
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const pending = await chair.get('/api/leave-requests');
    expect(leaveIds(pending.body)).toContain(invitationId);
    const row = pending.body.items.find((r: LeaveRequest) => r.id === invitationId);
    expect(row).toMatchObject({ meetingTitle: meeting.title, leaveReason: '手术后休养', name: expect.any(String) });
    expect(Date.parse(row.meetingStartsAt)).toBeGreaterThan(Date.now());
    expect(leaveIds((await admin.get('/api/leave-requests')).body)).not.toContain(invitationId);
    expect(leaveIds((await m1.get('/api/leave-requests')).body)).not.toContain(invitationId);

    const approved = await chair.post<Invitation>(decide, { approve: true, comment: '同意，注意休息' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'leave_approved', leaveComment: '同意，注意休息', leaveDecidedByName: '主席 林正阳' });
    expect(await notificationsOf(t.ds, ids.m1, meeting.id)).toEqual([
      { kind: 'leave_decided', params: { approved: true, title: meeting.title }, link: `/meetings/${meeting.id}` },
    ]);
    const again = await chair.post(decide, { approve: false, comment: '改变主意' });
    expect([again.status, again.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);

    expect(leaveIds((await chair.get('/api/leave-requests')).body)).not.toContain(invitationId);
    const decided = await chair.get('/api/leave-requests?state=decided');
    expect(decided.body.items[0]).toMatchObject({ id: invitationId, state: 'leave_approved', meetingTitle: meeting.title });
    expect(leaveIds((await chair.get('/api/leave-requests?state=all&pageSize=200')).body)).toContain(invitationId);
    expect(await auditActions(t.ds, 'meeting_invitation', invitationId)).toEqual(['invitation.request_leave', 'invitation.approve_leave']);
  });

  it('rejecting needs a comment; the member is told', async () => {
    const meeting = await createMeeting(t.ds, { leaveApprover: 'chair', invitees: [ids.m1] });
    await m1.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '家中有事' });
    const decide = `/api/invitations/${meeting.invitation.get(ids.m1)}/leave-decision`;
    const noComment = await chair.post(decide, { approve: false, comment: ' ' });
    expect([noComment.status, noComment.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(noComment.body.error.details).toEqual([expect.objectContaining({ path: 'body.comment' })]);
    const rejected = await chair.post<Invitation>(decide, { approve: false, comment: '本次会议审议重要事项，请尽量出席' });
    expect(rejected.body).toMatchObject({ state: 'leave_rejected', leaveReason: '家中有事' });
    expect((await notificationsOf(t.ds, ids.m1, meeting.id))[0]).toMatchObject({ kind: 'leave_decided', params: { approved: false } });
    // Accepting after a refusal keeps the refusal on record.
    const accepted = await m1.post<Invitation>(`/api/meetings/${meeting.id}/invitation`, { action: 'accept' });
    expect(accepted.body).toMatchObject({ state: 'accepted', leaveComment: '本次会议审议重要事项，请尽量出席' });
  });

  it('committee-run type: only that committee\'s head decides; the chair and another head get FORBIDDEN', async () => {
    const committee = await committeeWithHead(t.ds, '测试专委会甲', ids.m2);
    await committeeWithHead(t.ds, '测试专委会乙', ids.m4);
    const meeting = await createMeeting(t.ds, { leaveApprover: 'committee_head', committeeId: committee, invitees: [ids.m1, ids.m2, ids.m3] });
    await m1.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '外地调研' });
    const invitationId = meeting.invitation.get(ids.m1)!;

    expect(await notificationsOf(t.ds, ids.m2, meeting.id)).toEqual([expect.objectContaining({ kind: 'leave_requested' })]);
    expect(await notificationsOf(t.ds, ids.chair, meeting.id)).toEqual([]);
    expect(leaveIds((await chair.get('/api/leave-requests')).body)).not.toContain(invitationId);
    expect(leaveIds((await m4.get('/api/leave-requests')).body)).not.toContain(invitationId);
    expect(leaveIds((await m2.get('/api/leave-requests')).body)).toEqual([invitationId]);

    for (const who of [chair, m4, admin, m3]) {
      const res = await who.post(`/api/invitations/${invitationId}/leave-decision`, { approve: true });
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const ok = await m2.post<Invitation>(`/api/invitations/${invitationId}/leave-decision`, { approve: true });
    expect(ok.body.state).toBe('leave_approved');

    // The head's own request goes to the office: nobody decides their own leave.
    await m2.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '另有公务' });
    const headInvitation = meeting.invitation.get(ids.m2)!;
    const self = await m2.post(`/api/invitations/${headInvitation}/leave-decision`, { approve: true });
    expect([self.status, self.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(leaveIds((await admin.get('/api/leave-requests')).body)).toContain(headInvitation);
    expect((await admin.post<Invitation>(`/api/invitations/${headInvitation}/leave-decision`, { approve: true })).body.state).toBe('leave_approved');
  });

  it('committee-run type without a head: the office decides', async () => {
    const committee = await committeeWithHead(t.ds, '测试专委会丙', null);
    const meeting = await createMeeting(t.ds, { leaveApprover: 'committee_head', committeeId: committee, invitees: [ids.m1] });
    await m1.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '住院' });
    const decide = `/api/invitations/${meeting.invitation.get(ids.m1)}/leave-decision`;
    expect(await notificationsOf(t.ds, ids.admin, meeting.id)).toEqual([expect.objectContaining({ kind: 'leave_requested' })]);
    expect((await chair.post(decide, { approve: true })).status).toBe(403);
    expect((await admin.post<Invitation>(decide, { approve: true })).body.state).toBe('leave_approved');
  });

  it('after the reply deadline accept/decline are refused but leave can be asked until the start', async () => {
    const meeting = await createMeeting(t.ds, { replyDeadline: hoursFromNow(-1), startsAt: hoursFromNow(20), invitees: [ids.m1] });
    const path = `/api/meetings/${meeting.id}/invitation`;
    for (const body of [{ action: 'accept' }, { action: 'decline' }]) {
      const res = await m1.post(path, body);
      expect([res.status, res.body.error.code]).toEqual([409, 'REPLY_DEADLINE_PASSED']);
    }
    expect((await m1.post<Invitation>(path, { action: 'request_leave', reason: '临时出差' })).body.state).toBe('leave_requested');

    const started = await createMeeting(t.ds, { state: 'live', startsAt: hoursFromNow(-0.5), invitees: [ids.m1] });
    const late = await m1.post(`/api/meetings/${started.id}/invitation`, { action: 'request_leave', reason: '堵车' });
    expect([late.status, late.body.error.code]).toEqual([409, 'REPLY_DEADLINE_PASSED']);
  });

  it('refuses replies and decisions once the meeting is cancelled or ended (MEETING_LOCKED)', async () => {
    const cancelled = await createMeeting(t.ds, { state: 'cancelled', invitees: [ids.m1] });
    const res = await m1.post(`/api/meetings/${cancelled.id}/invitation`, { action: 'accept' });
    expect([res.status, res.body.error.code, res.body.error.params]).toEqual([409, 'MEETING_LOCKED', { state: 'cancelled' }]);

    const meeting = await createMeeting(t.ds, { leaveApprover: 'chair', invitees: [ids.m1] });
    await m1.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '出国访问' });
    await t.ds.query(`UPDATE meetings SET state = 'minutes' WHERE id = $1`, [meeting.id]);
    const late = await chair.post(`/api/invitations/${meeting.invitation.get(ids.m1)}/leave-decision`, { approve: true });
    expect([late.status, late.body.error.code]).toEqual([409, 'MEETING_LOCKED']);
    expect(leaveIds((await chair.get('/api/leave-requests?pageSize=200')).body)).not.toContain(meeting.invitation.get(ids.m1));
  });

  it('lists invitees: office, chair, leader and host see leave reasons; other invitees names and states only', async () => {
    const host = await userId(t.ds, 'member05@demo.local');
    const meeting = await createMeeting(t.ds, { hostId: host, invitees: [ids.m1, ids.m2] });
    await m1.post(`/api/meetings/${meeting.id}/invitation`, { action: 'request_leave', reason: '身体不适' });
    await m2.post(`/api/meetings/${meeting.id}/invitation`, { action: 'decline', reason: '另有安排' });
    const path = `/api/meetings/${meeting.id}/invitations`;
    const hostClient = await t.as('member05@demo.local');

    for (const who of [admin, chair, leader, hostClient]) {
      const res = await who.get<Invitation[]>(path);
      expect(res.status).toBe(200);
      expect(res.body.map((i) => [i.userId, i.state, i.leaveReason]).sort()).toEqual([[ids.m1, 'leave_requested', '身体不适'], [ids.m2, 'declined', '另有安排']].sort());
    }
    const asInvitee = await m1.get<Invitation[]>(path);
    const byUser = new Map(asInvitee.body.map((i) => [i.userId, i]));
    expect(byUser.get(ids.m1)).toMatchObject({ state: 'leave_requested', leaveReason: '身体不适' });
    expect(byUser.get(ids.m2)).toMatchObject({ state: 'declined', leaveReason: null, leaveComment: null, name: expect.any(String) });

    const outsider = await m3.get(path);
    expect([outsider.status, outsider.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('works on a meeting scheduled through the meetings API: leave for a plenary, check-in, final attendance', async () => {
    const types = (await admin.get<Array<{ id: string; code: string }>>('/api/meeting-types')).body;
    const plenary = types.find((ty) => ty.code === 'plenary')!;
    const startsAt = hoursFromNow(1);
    const created = await admin.post('/api/meetings', {
      typeId: plenary.id, title: '全体会议（出席流程测试）', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
      hostId: ids.chair, invitees: { userIds: [ids.m1, ids.m2, ids.m3] },
    });
    expect(created.status).toBe(200);
    const id: string = created.body.id;
    for (const action of ['start_preparing', 'notify']) expect((await admin.post(`/api/meetings/${id}/transition`, { action })).status).toBe(200);

    await m1.post(`/api/meetings/${id}/invitation`, { action: 'request_leave', reason: '赴外地考察' });
    await m2.post(`/api/meetings/${id}/invitation`, { action: 'accept' });
    const request = (await chair.get<{ items: LeaveRequest[] }>('/api/leave-requests?pageSize=200')).body.items.find((r) => r.meetingId === id)!;
    expect(request).toMatchObject({ userId: ids.m1, meetingTitle: '全体会议（出席流程测试）' });
    expect((await chair.post(`/api/invitations/${request.id}/leave-decision`, { approve: true })).body.state).toBe('leave_approved');

    const { token } = (await chair.get(`/api/meetings/${id}/check-in-token`)).body;
    expect((await m2.post<Invitation>(`/api/meetings/${id}/check-in`, { token })).body.state).toBe('checked_in');

    for (const action of ['go_live', 'end']) expect((await chair.post(`/api/meetings/${id}/transition`, { action })).status).toBe(200);
    const attendance = await admin.get<Invitation[]>(`/api/meetings/${id}/attendance`);
    expect(Object.fromEntries(attendance.body.map((i) => [i.userId, i.attendance]))).toEqual({ [ids.m1]: 'excused', [ids.m2]: 'present', [ids.m3]: 'absent' });
    const closed = await m3.post(`/api/meetings/${id}/invitation`, { action: 'accept' });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'MEETING_LOCKED']);
  });

  it('gives the host the projector code, with a link on the address the request came to', async () => {
    const meeting = await createMeeting(t.ds, { hostId: ids.chair, startsAt: hoursFromNow(1), invitees: [ids.m1] });
    const res = await chair.get(`/api/meetings/${meeting.id}/check-in-token`);
    expect(res.status).toBe(200);
    expect(res.body.url).toBe(`${t.url}/meetings/${meeting.id}/check-in?code=${res.body.token}`);
    const notHost = await m1.get(`/api/meetings/${meeting.id}/check-in-token`);
    expect([notHost.status, notHost.body.error.code]).toEqual([403, 'NOT_HOST']);
  });
});
