import type IcalModule from 'ical.js' with { 'resolution-mode': 'import' };
import { insertMeeting, userId } from './support/sql-meetings';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
type Ical = typeof IcalModule;
type VEvent = InstanceType<Ical['Component']>;

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const LONG_TITLE = '关于推进城乡融合发展、促进共同富裕，加强基层社会治理和优化营商环境的专题协商会（第二次）';

describe('calendar feeds and meeting .ics (real app, parsed back with ical.js)', () => {
  let t: TestApp;
  let ICAL: Ical;
  const ids: Record<string, string> = {};

  const parse = (body: Buffer | string) => {
    const text = body.toString();
    const vcal = new ICAL.Component(ICAL.parse(text));
    const events = new Map<string, VEvent>(vcal.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    return { text, vcal, events };
  };

  beforeAll(async () => {
    ({ default: ICAL } = await import('ical.js'));
    t = await createTestApp({ demo: true });
    const me = await userId(t.ds, 'member30@demo.local');
    const other = await userId(t.ds, 'member31@demo.local');
    const now = Date.now();
    ids.upcoming = await insertMeeting(t.ds, {
      title: LONG_TITLE,
      startsAt: new Date(now + 10 * DAY),
      venue: '政协二楼会议室, 东楼; 301',
      videoUrl: 'https://meet.example.org/Xieshang-abc123',
      agenda: ['情况通报', '自由讨论'],
      invitees: [{ userId: me, state: 'accepted' }],
    });
    ids.cancelled = await insertMeeting(t.ds, { title: '已取消的协商座谈会', startsAt: new Date(now + 3 * DAY), state: 'cancelled', cancelReason: '与全体会议时间冲突', invitees: [{ userId: me }] });
    ids.planned = await insertMeeting(t.ds, { title: '筹备中的界别协商', startsAt: new Date(now + 40 * DAY), state: 'planned', invitees: [{ userId: me }] });
    ids.declined = await insertMeeting(t.ds, { title: '已婉拒的会议', startsAt: new Date(now + 5 * DAY), invitees: [{ userId: me, state: 'declined' }] });
    ids.longAgo = await insertMeeting(t.ds, { title: '半年前的会议', startsAt: new Date(now - 200 * DAY), state: 'closed', invitees: [{ userId: me }] });
    ids.farAhead = await insertMeeting(t.ds, { title: '明年以后的会议', startsAt: new Date(now + 500 * DAY), invitees: [{ userId: me }] });
    ids.notMine = await insertMeeting(t.ds, { title: '别人的会议', startsAt: new Date(now + 6 * DAY), invitees: [{ userId: other }] });
    ids.hiddenDraft = await insertMeeting(t.ds, { title: '未发布的会议草案', startsAt: new Date(now + 20 * DAY), state: 'planned', invitees: [{ userId: other }] });
  });
  afterAll(() => t.close());

  it('creates, serves, rotates and turns off a personal feed', async () => {
    const me = await t.as('member30@demo.local');
    expect((await me.get('/api/calendar/feed')).body).toEqual({ url: null, createdAt: null });

    const created = await me.post('/api/calendar/feed');
    expect(created.status).toBe(200);
    const url: string = created.body.url;
    expect(url).toMatch(new RegExp(`^${t.url}/api/calendar/feed/[A-Za-z0-9_-]{43}/meetings\\.ics$`));
    expect((await me.get('/api/calendar/feed')).body.url).toBe(url);

    // the feed itself needs no session: calendar apps fetch it with the secret in the path
    const anonymous = t.client();
    const feed = await anonymous.get(url.slice(t.url.length));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300');

    const rotated = await me.post('/api/calendar/feed');
    expect(rotated.body.url).not.toBe(url);
    const old = await anonymous.get(url.slice(t.url.length));
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('CALENDAR_FEED_NOT_FOUND');
    expect((await anonymous.get(rotated.body.url.slice(t.url.length))).status).toBe(200);

    const revoked = await me.delete('/api/calendar/feed');
    expect(revoked.body).toEqual({ ok: true });
    expect((await anonymous.get(rotated.body.url.slice(t.url.length))).body.error.code).toBe('CALENDAR_FEED_NOT_FOUND');
    expect((await me.get('/api/calendar/feed')).body.url).toBeNull();

    const me30 = await userId(t.ds, 'member30@demo.local');
    const audit = await t.ds.query(`SELECT action FROM audit_log WHERE entity = 'calendar_feed' AND entity_id = $1 ORDER BY id`, [me30]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['calendar_feed.create', 'calendar_feed.rotate', 'calendar_feed.revoke']);
  });

  it('refuses feed changes without the CSRF token, a session, or with a malformed token', async () => {
    const me = await t.as('member32@demo.local');
    expect((await me.post('/api/calendar/feed', {}, { csrf: false })).body.error.code).toBe('CSRF_FAILED');
    expect((await t.client().post('/api/calendar/feed')).status).toBe(401);
    expect((await t.client().get('/api/calendar/feed/short/meetings.ics')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.client().get(`/api/calendar/feed/${'A'.repeat(43)}/meetings.ics`)).body.error.code).toBe('CALENDAR_FEED_NOT_FOUND');
  });

  it('lists my meetings of the last 90 and next 400 days as valid iCalendar', async () => {
    const me = await t.as('member30@demo.local');
    const { url } = (await me.post('/api/calendar/feed')).body;
    const { text, vcal, events } = parse((await t.client().get(url.slice(t.url.length))).body);

    expect(vcal.getFirstPropertyValue('version')).toBe('2.0');
    expect(vcal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(vcal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(vcal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(vcal.getFirstPropertyValue('x-wr-calname')).toBe('示范市政协 · 我的会议');
    // (the demo committee's own meetings may be in the feed too)
    for (const id of [ids.upcoming, ids.cancelled, ids.planned]) expect(events.has(`${id}@xieshang`)).toBe(true);
    for (const id of [ids.declined, ids.longAgo, ids.farAhead, ids.notMine, ids.hiddenDraft]) expect(events.has(`${id}@xieshang`)).toBe(false);

    // physical lines: CRLF only, none longer than 75 octets, Chinese characters never cut
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');

    const [row] = await t.ds.query(`SELECT starts_at, ends_at, version FROM meetings WHERE id = $1`, [ids.upcoming]);
    const upcoming = new ICAL.Event(events.get(`${ids.upcoming}@xieshang`)!);
    expect(upcoming.summary).toBe(LONG_TITLE);
    expect(upcoming.location).toBe('政协二楼会议室, 东楼; 301');
    expect(upcoming.startDate.zone.tzid).toBe('UTC');
    expect(upcoming.startDate.toJSDate().getTime()).toBe(Math.floor(row.starts_at.getTime() / 1000) * 1000);
    expect(upcoming.endDate.toJSDate().getTime()).toBe(Math.floor(row.ends_at.getTime() / 1000) * 1000);
    expect(upcoming.sequence).toBe(row.version);
    expect(upcoming.description).toBe('会议类型：专题协商会\n议程：\n1. 情况通报\n2. 自由讨论\n视频会议：https://meet.example.org/Xieshang-abc123');
    const comp = upcoming.component;
    expect(comp.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(comp.getFirstPropertyValue('url'))).toBe(`${t.url}/meetings/${ids.upcoming}`);
    expect(comp.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(comp.getFirstPropertyValue('last-modified')).toBeTruthy();
    expect(comp.getFirstSubcomponent('valarm')!.getFirstPropertyValue('action')).toBe('DISPLAY');

    const cancelled = events.get(`${ids.cancelled}@xieshang`)!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(cancelled.getFirstPropertyValue('description'))).toContain('与全体会议时间冲突');
    expect(events.get(`${ids.planned}@xieshang`)!.getFirstPropertyValue('status')).toBe('TENTATIVE');
  });

  it('speaks the owner’s language and stops for a deactivated account', async () => {
    const me = await t.as('member30@demo.local');
    const { url } = (await me.post('/api/calendar/feed')).body;
    const me30 = await userId(t.ds, 'member30@demo.local');
    await t.ds.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [me30]);
    const { vcal, events } = parse((await t.client().get(url.slice(t.url.length))).body);
    expect(vcal.getFirstPropertyValue('x-wr-calname')).toBe('示范市政协 · My meetings');
    expect(String(events.get(`${ids.upcoming}@xieshang`)!.getFirstPropertyValue('description'))).toMatch(/^Type: Special consultation\nAgenda:/);
    await t.ds.query(`UPDATE users SET active = false WHERE id = $1`, [me30]);
    expect((await t.client().get(url.slice(t.url.length))).status).toBe(404);
    await t.ds.query(`UPDATE users SET active = true, locale = 'zh-CN' WHERE id = $1`, [me30]);
  });

  it('downloads one meeting as .ics for anyone who may see it, and hides the others', async () => {
    const me = await t.as('member30@demo.local');
    const res = await me.get(`/api/meetings/${ids.upcoming}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(LONG_TITLE)}`);
    const { events, text } = parse(res.body);
    expect(events.size).toBe(1);
    const e = new ICAL.Event(events.get(`${ids.upcoming}@xieshang`)!);
    expect(e.summary).toBe(LONG_TITLE);
    expect(e.startDate.zone.tzid).toBe('UTC');
    expect(Math.max(...text.split('\r\n').map(octets))).toBeLessThanOrEqual(75);

    // a published meeting is visible to every member; a draft only to its invitees and the office
    expect((await me.get(`/api/meetings/${ids.notMine}/calendar.ics`)).status).toBe(200);
    const hidden = await me.get(`/api/meetings/${ids.hiddenDraft}/calendar.ics`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    const admin = await t.as('admin@demo.local');
    expect((await admin.get(`/api/meetings/${ids.hiddenDraft}/calendar.ics`)).status).toBe(200);
    expect((await t.client().get(`/api/meetings/${ids.upcoming}/calendar.ics`)).status).toBe(401);
  });
});
