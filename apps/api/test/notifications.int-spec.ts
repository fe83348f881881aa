import { io, Socket } from 'socket.io-client';
import type { Notification } from '@xieshang/contracts';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { RemindersService } from '../src/modules/notifications/reminders.service';
import { insertMeeting, insertUser, userId } from './support/sql-meetings';
import { closedPort, startSmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';

const HOUR = 3600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real socket.io client on /system, logged in as `email`, recording every `notification`. */
type Listener = { socket: Socket; received: Notification[]; next: (match?: (n: Notification) => boolean) => Promise<Notification> };

async function listen(t: TestApp, email: string): Promise<Listener> {
  const c = await t.as(email);
  const socket = io(`${t.url}/system`, { transports: ['websocket'], extraHeaders: { cookie: c.cookieHeader }, reconnection: false });
  const received: Notification[] = [];
  const waiters: Array<{ match: (n: Notification) => boolean; resolve: (n: Notification) => void }> = [];
  socket.on('notification', (n: Notification) => {
    received.push(n);
    const i = waiters.findIndex((w) => w.match(n));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(n);
  });
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => resolve());
    socket.on('connect_error', reject);
  });
  // one acknowledged round trip: the server has finished handling the connection (room joined)
  await socket.emitWithAck('session:whoami', {});
  const next = (match: (n: Notification) => boolean = () => true) =>
    new Promise<Notification>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no notification for ${email}`)), 5000);
      waiters.push({
        match,
        resolve: (n) => {
          clearTimeout(timer);
          resolve(n);
        },
      });
    });
  return { socket, received, next };
}

describe('notifications (real app, real PostgreSQL, real socket.io clients)', () => {
  let t: TestApp;
  let svc: NotificationsService;
  const sockets: Socket[] = [];
  const open = async (email: string) => {
    const l = await listen(t, email);
    sockets.push(l.socket);
    return l;
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    svc = t.app.get(NotificationsService);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  describe('push after commit', () => {
    it('creates and pushes nothing when the transaction rolls back', async () => {
      const m01 = await userId(t.ds, 'member01@demo.local');
      const l = await open('member01@demo.local');
      await expect(
        t.ds.transaction(async (m) => {
          await svc.notify({ userIds: [m01], kind: 'invited', params: { title: '回滚的会议' } }, m);
          throw new Error('something later in the same use case failed');
        }),
      ).rejects.toThrow('something later');
      await sleep(300);
      expect(l.received).toEqual([]);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [m01]);
      expect(n).toBe(0);
    });

    it('pushes only once the transaction has committed, to the invitee alone', async () => {
      const m02 = await userId(t.ds, 'member02@demo.local');
      const invitee = await open('member02@demo.local');
      const bystander = await open('member03@demo.local');
      const arrived = invitee.next();
      await t.ds.transaction(async (m) => {
        await svc.notify({ userIds: [m02], kind: 'invited', meetingId: null, params: { title: '专题协商会', startsAt: '2026-12-01T01:30:00.000Z' } }, m);
        await sleep(200);
        // still inside the transaction: nothing may have left the server yet
        expect(invitee.received).toEqual([]);
      });
      const n = await arrived;
      expect(n).toEqual({ id: expect.any(String), kind: 'invited', meetingId: null, params: { title: '专题协商会', startsAt: '2026-12-01T01:30:00.000Z' }, link: null, readAt: null, createdAt: expect.any(String) });
      await sleep(100);
      expect(bystander.received).toEqual([]);
    });

    it('pushes at once without a transaction, and drops what a rolled-back savepoint created', async () => {
      const m04 = await userId(t.ds, 'member04@demo.local');
      const l = await open('member04@demo.local');
      const first = l.next();
      await svc.notify({ userIds: [m04], kind: 'materials_added', params: { title: '无事务' } });
      expect((await first).params.title).toBe('无事务');

      const qr = t.ds.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction();
        await svc.notify({ userIds: [m04], kind: 'time_changed', params: { title: '保留' } }, qr.manager);
        await qr.startTransaction(); // savepoint
        await svc.notify({ userIds: [m04], kind: 'meeting_cancelled', params: { title: '撤销' } }, qr.manager);
        await qr.rollbackTransaction(); // back to the savepoint
        const kept = l.next();
        await qr.commitTransaction();
        expect((await kept).params.title).toBe('保留');
      } finally {
        await qr.release();
      }
      await sleep(200);
      expect(l.received.map((n) => n.params.title)).toEqual(['无事务', '保留']);
    });

    it('reaches every open socket of the user', async () => {
      const m05 = await userId(t.ds, 'member05@demo.local');
      const phone = await open('member05@demo.local');
      const desktop = await open('member05@demo.local');
      const both = Promise.all([phone.next(), desktop.next()]);
      await svc.notify({ userIds: [m05], kind: 'reminder_1h', params: { title: '两台设备' } });
      const [a, b] = await both;
      expect(a.id).toBe(b.id);
    });
  });

  describe('through the real routes', () => {
    it('tells the approver of a leave request and the member of the decision, live', async () => {
      const [plenary] = await t.ds.query(`SELECT m.id FROM meetings m JOIN meeting_types t ON t.id = m.type_id WHERE t.code = 'plenary' AND m.state = 'notified'`);
      const member = await t.as('member35@demo.local');
      const chair = await t.as('chair@demo.local');
      const memberSocket = await open('member35@demo.local');
      const chairSocket = await open('chair@demo.local');

      const asked = chairSocket.next((n) => n.kind === 'leave_requested' && n.meetingId === plenary.id);
      const request = await member.post(`/api/meetings/${plenary.id}/invitation`, { action: 'request_leave', reason: '参加省里的调研活动' });
      expect(request.status).toBe(200);
      expect(await asked).toMatchObject({ kind: 'leave_requested', params: { name: expect.any(String), title: '市政协十四届五次会议全体会议' }, link: '/leave-requests' });

      const decided = memberSocket.next((n) => n.kind === 'leave_decided');
      const decision = await chair.post(`/api/invitations/${request.body.id}/leave-decision`, { approve: true });
      expect(decision.status).toBe(200);
      const n = await decided;
      expect(n).toMatchObject({ meetingId: plenary.id, params: { approved: true, title: '市政协十四届五次会议全体会议' }, link: `/meetings/${plenary.id}`, readAt: null });
      // what was pushed is what the list shows
      const list = await member.get('/api/notifications?unread=true');
      expect(list.body.items).toContainEqual(n);
    });
  });

  describe('list and mark read', () => {
    it('lists my notifications newest first with the unread total, and marks only mine read', async () => {
      const m10 = await insertUser(t.ds, 'reader@example.org');
      const m11 = await insertUser(t.ds, 'other-reader@example.org');
      const me = await t.as('reader@example.org');
      const other = await t.as('other-reader@example.org');
      for (const title of ['一', '二', '三']) await svc.notify({ userIds: [m10], kind: 'invited', params: { title } });
      const [theirs] = await svc.notify({ userIds: [m11], kind: 'invited', params: { title: '别人的' } });

      const page = await me.get('/api/notifications?pageSize=2');
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
      expect(page.body.items.map((n: Notification) => n.params.title)).toEqual(['三', '二']);
      const ids = page.body.items.map((n: Notification) => n.id);

      // someone else's id in the list is ignored, not an error
      const read = await me.post('/api/notifications/read', { ids: [ids[0], theirs.id] });
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ ok: true });
      const after = await me.get('/api/notifications');
      expect(after.body).toMatchObject({ total: 3, unread: 2 });
      expect(after.body.items.find((n: Notification) => n.id === ids[0]).readAt).toEqual(expect.any(String));
      expect((await other.get('/api/notifications')).body).toMatchObject({ total: 1, unread: 1 });

      const unread = await me.get('/api/notifications?unread=true');
      expect(unread.body).toMatchObject({ total: 2, unread: 2 });
      expect(unread.body.items.map((n: Notification) => n.params.title)).toEqual(['二', '一']);

      expect((await me.post('/api/notifications/read', { all: true })).status).toBe(200);
      expect((await me.get('/api/notifications')).body).toMatchObject({ total: 3, unread: 0 });
      expect((await other.get('/api/notifications')).body).toMatchObject({ unread: 1 });
    });

    it('validates the body and needs a session and the CSRF token', async () => {
      const me = await t.as('member12@demo.local');
      expect((await me.post('/api/notifications/read', { ids: [] })).status).toBe(400);
      expect((await me.post('/api/notifications/read', { ids: ['not-a-uuid'] })).status).toBe(400);
      expect((await me.post('/api/notifications/read', { all: true }, { csrf: false })).body.error.code).toBe('CSRF_FAILED');
      expect((await t.client().get('/api/notifications')).status).toBe(401);
    });
  });

  describe('reminders', () => {
    it('reminds invitees who may come once per kind, again when the meeting moves', async () => {
      const reminders = t.app.get(RemindersService);
      const [a, b, declined, excused] = await Promise.all(['member20', 'member21', 'member22', 'member23'].map((m) => userId(t.ds, `${m}@demo.local`)));
      const now = new Date();
      const startsAt = new Date(now.getTime() + 3 * HOUR);
      const meetingId = await insertMeeting(t.ds, {
        title: '提醒测试会议',
        startsAt,
        venue: '政协二楼会议室',
        invitees: [{ userId: a, state: 'accepted' }, { userId: b }, { userId: declined, state: 'declined' }, { userId: excused, state: 'leave_approved' }],
      });
      // not reminded: still a draft, or cancelled, or too far ahead
      await insertMeeting(t.ds, { title: '草案', startsAt, state: 'planned', invitees: [{ userId: a }] });
      await insertMeeting(t.ds, { title: '已取消', startsAt, state: 'cancelled', invitees: [{ userId: a }] });
      await insertMeeting(t.ds, { title: '下周', startsAt: new Date(now.getTime() + 7 * 24 * HOUR), invitees: [{ userId: a }] });

      const listener = await open('member20@demo.local');
      const pushed = listener.next((n) => n.meetingId === meetingId);
      const reminded = (kind: string) =>
        t.ds.query(`SELECT user_id, dedupe_key, params FROM notifications WHERE meeting_id = $1 AND kind = $2 ORDER BY user_id`, [meetingId, kind]);

      // (the demo committee has meetings of its own: count this meeting's reminders only)
      const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE meeting_id = $1`, [meetingId]))[0].n as number;

      // two instances looking at the same moment still send one reminder per person
      await Promise.all([reminders.runOnce(now), reminders.runOnce(now)]);
      expect(await count()).toBe(2);
      expect(await reminders.runOnce(now)).toBe(0);
      const day = await reminded('reminder_24h');
      expect(day.map((r: { user_id: string }) => r.user_id).sort()).toEqual([a, b].sort());
      expect(day[0].dedupe_key).toBe(`reminder_24h:${meetingId}:${startsAt.toISOString()}`);
      expect(day[0].params).toEqual({ title: '提醒测试会议', startsAt: startsAt.toISOString(), venue: '政协二楼会议室' });
      expect(await pushed).toMatchObject({ kind: 'reminder_24h', meetingId, link: `/meetings/${meetingId}` });

      // inside the last hour: the 1 h reminder, once
      const later = new Date(startsAt.getTime() - 30 * 60_000);
      await reminders.runOnce(later);
      await reminders.runOnce(later);
      expect(await count()).toBe(4);
      expect((await reminded('reminder_1h')).map((r: { user_id: string }) => r.user_id).sort()).toEqual([a, b].sort());

      // the meeting moves: a new start means new reminders
      const moved = new Date(startsAt.getTime() + 5 * HOUR);
      await t.ds.query(`UPDATE meetings SET starts_at = $2, ends_at = $3 WHERE id = $1`, [meetingId, moved, new Date(moved.getTime() + 2 * HOUR)]);
      await reminders.runOnce(now);
      expect(await count()).toBe(6);
      expect((await reminded('reminder_24h')).map((r: { dedupe_key: string }) => r.dedupe_key)).toContain(`reminder_24h:${meetingId}:${moved.toISOString()}`);

      // started meetings get nothing
      await reminders.runOnce(new Date(moved.getTime() + 60_000));
      expect(await count()).toBe(6);
    });
  });
});

describe('notification email (SMTP optional, never in the way)', () => {
  it('delivers a copy in the recipient’s language, with the Chinese subject intact, and records it', async () => {
    const sink = await startSmtpSink();
    const t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_FROM: '示范市政协 <office@example.org>', PUBLIC_URL: 'https://xs.example.org' } });
    try {
      const svc = t.app.get(NotificationsService);
      const zh = await insertUser(t.ds, 'zhang@example.org', { locale: 'zh-CN' });
      const en = await insertUser(t.ds, 'li@example.org', { locale: 'en' });
      const meetingId = await insertMeeting(t.ds, { title: '关于城乡融合发展的专题协商会', startsAt: new Date('2026-12-01T01:30:00Z') });
      const created = await t.ds.transaction((m) =>
        svc.notify({ userIds: [zh, en], kind: 'invited', meetingId, params: { title: '关于城乡融合发展的专题协商会', startsAt: '2026-12-01T01:30:00.000Z', venue: '政协二楼会议室' } }, m),
      );
      await svc.emailIdle();
      expect(sink.mails).toHaveLength(2);
      const toZh = sink.mails.find((m) => m.to[0] === 'zhang@example.org')!;
      expect(toZh.subject).toBe('会议通知：关于城乡融合发展的专题协商会');
      expect(toZh.from).toBe('office@example.org');
      expect(toZh.raw).toMatch(/multipart\/alternative/);
      const toEn = sink.mails.find((m) => m.to[0] === 'li@example.org')!;
      expect(toEn.subject).toBe('Invitation: 关于城乡融合发展的专题协商会');
      const rows = await t.ds.query(`SELECT emailed_at FROM notifications WHERE id = ANY($1)`, [created.map((n) => n.id)]);
      expect(rows.every((r: { emailed_at: Date | null }) => r.emailed_at instanceof Date)).toBe(true);
    } finally {
      await t.close();
      await sink.close();
    }
  });

  it('with the mail server down the request still succeeds, and the notification is pushed and listed', async () => {
    const t = await createTestApp({ demo: true, env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` } });
    try {
      const [plenary] = await t.ds.query(`SELECT m.id FROM meetings m JOIN meeting_types t ON t.id = m.type_id WHERE t.code = 'plenary' AND m.state = 'notified'`);
      const chair = await userId(t.ds, 'chair@demo.local');
      const l = await listen(t, 'chair@demo.local');
      const pushed = l.next((n) => n.kind === 'leave_requested' && n.meetingId === plenary.id);
      const member = await t.as('member01@demo.local');
      const started = Date.now();
      const res = await member.post(`/api/meetings/${plenary.id}/invitation`, { action: 'request_leave', reason: '外出学习' });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await pushed).kind).toBe('leave_requested');
      await t.app.get(NotificationsService).emailIdle();
      const list = await (await t.as('chair@demo.local')).get('/api/notifications');
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(expect.objectContaining({ kind: 'leave_requested', meetingId: plenary.id }));
      const rows = await t.ds.query(`SELECT emailed_at FROM notifications WHERE user_id = $1 AND meeting_id = $2`, [chair, plenary.id]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r: { emailed_at: Date | null }) => r.emailed_at === null)).toBe(true);
      l.socket.close();
    } finally {
      await t.close();
    }
  });
});
