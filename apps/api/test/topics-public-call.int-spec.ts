import type { PublicTopicCall, PublicTopicStatus, Topic, TopicCall } from '@xieshang/contracts';
import { PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR } from '../src/modules/topics/topic-calls.service';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

jest.setTimeout(30_000);

const day = 24 * 3600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('public call intake (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let visitor: TestClient;
  let call: TopicCall;

  const topic = (over: Record<string, unknown> = {}) => ({
    title: '关于增设社区老年食堂的建议',
    summary: '老旧小区老人就餐难，建议在社区服务中心增设老年食堂。',
    rationale: '辖区 60 岁以上居民占比高，独居老人做饭不便。建议政府补贴场地、引入社会餐饮企业运营。',
    category: 'consultation',
    policyArea: 'livelihood',
    name: '王女士',
    phone: '13800138000',
    showName: false,
    ...over,
  });
  const submit = (body: unknown, callId = call.id) => visitor.post(`/api/public/topic-calls/${callId}/topics`, body);

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.as('admin@demo.local');
    visitor = t.client();
    const res = await admin.post<TopicCall>('/api/topic-calls', { year: 2027, title: '2027 年度协商议题社会征集', opensAt: iso(-day), closesAt: iso(30 * day) });
    expect(res.status).toBe(200);
    call = res.body;
  });
  afterAll(() => t.close());

  it('shows an open call to anyone, with the per-person limit from the organisation rules', async () => {
    const open = await visitor.get<PublicTopicCall[]>('/api/public/topic-calls');
    expect(open.status).toBe(200);
    expect(open.body.map((c) => c.id)).toContain(call.id);
    const one = await visitor.get<PublicTopicCall>(`/api/public/topic-calls/${call.id}`);
    expect(one.body).toMatchObject({ id: call.id, isOpen: true, effectiveMaxTopicsPerPerson: 3 });
    expect(one.body).not.toHaveProperty('topicCount');
  });

  it('accepts a topic without login or CSRF token and shows its status publicly, without the name unless consented', async () => {
    const res = await submit(topic());
    expect(res.status).toBe(200);
    expect(res.body.publicId).toMatch(/^[A-Za-z0-9]{10}$/);
    const status = await visitor.get<PublicTopicStatus>(`/api/public/topics/${res.body.publicId}`);
    expect(status.body).toMatchObject({ title: '关于增设社区老年食堂的建议', state: 'submitted', proposerName: null, callTitle: call.title });
    expect(JSON.stringify(status.body)).not.toContain('13800138000');

    const named = await submit(topic({ title: '关于规范共享单车停放的建议', name: '李先生', phone: undefined, email: 'li@example.cn', showName: true }));
    expect((await visitor.get<PublicTopicStatus>(`/api/public/topics/${named.body.publicId}`)).body.proposerName).toBe('李先生');

    // The office sees the contact; a member looking at the same topic later does not.
    const [{ id }] = await t.ds.query(`SELECT id FROM topics WHERE public_id = $1`, [res.body.publicId]);
    const asOffice = await admin.get<Topic>(`/api/topics/${id}`);
    expect(asOffice.body).toMatchObject({ source: 'public_call', proposerName: '王女士', contact: { phone: '13800138000', email: null }, callId: call.id });
  });

  it('requires a name and a phone or an email', async () => {
    const noContact = await submit(topic({ phone: undefined, email: '' }));
    expect([noContact.status, noContact.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(noContact.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.phone' })]));
    const noName = await submit(topic({ name: ' ' }));
    expect(noName.status).toBe(400);
    const badPhone = await submit(topic({ phone: 'call me' }));
    expect(badPhone.status).toBe(400);
  });

  it('refuses topics before a call opens and after it closes', async () => {
    const past = await admin.post<TopicCall>('/api/topic-calls', { year: 2026, title: '已截止的征集', opensAt: iso(-10 * day), closesAt: iso(-day) });
    const future = await admin.post<TopicCall>('/api/topic-calls', { year: 2027, title: '尚未开始的征集', opensAt: iso(day), closesAt: iso(10 * day) });
    for (const c of [past.body, future.body]) {
      expect(c.isOpen).toBe(false);
      const res = await submit(topic({ phone: '13900000001' }), c.id);
      expect([res.status, res.body.error.code]).toEqual([409, 'TOPIC_CALL_CLOSED']);
    }
    const open = await visitor.get<PublicTopicCall[]>('/api/public/topic-calls');
    expect(open.body.map((c) => c.id)).not.toContain(past.body.id);
  });

  it('limits topics per person per call, counting a phone however it is written', async () => {
    const phones = ['13711112222', '137 1111 2222', '+86 137-1111-2222'];
    for (const [i, phone] of phones.entries()) {
      expect((await submit(topic({ title: `限额测试议题 ${i}`, phone }))).status).toBe(200);
    }
    const fourth = await submit(topic({ title: '限额测试议题 3', phone: '13711112222' }));
    expect([fourth.status, fourth.body.error.code, fourth.body.error.params]).toEqual([409, 'TOPIC_CALL_LIMIT', { required: 3, actual: 4 }]);

    // The call's own limit overrides the organisation rule.
    await admin.patch(`/api/topic-calls/${call.id}`, { maxTopicsPerPerson: 4 });
    expect((await submit(topic({ title: '限额测试议题 4', phone: '13711112222' }))).status).toBe(200);
    await admin.patch(`/api/topic-calls/${call.id}`, { maxTopicsPerPerson: null });
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM topics`);
    const res = await submit(topic({ title: '机器人', phone: '13000000009', website: 'http://spam.example' }));
    expect(res.status).toBe(200);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM topics`))[0].n).toBe(before[0].n);
    expect((await visitor.get(`/api/public/topics/${res.body.publicId}`)).status).toBe(404);
  });

  it('rate limits submissions per IP', async () => {
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM topics WHERE submitter_ip IS NOT NULL`);
    let last = 200;
    for (let i = n; i < PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR + 1; i++) {
      last = (await submit(topic({ title: `批量 ${i}`, phone: `1590000${String(i).padStart(4, '0')}` }))).status;
      if (i < PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR) expect(last).toBe(200);
    }
    const res = await submit(topic({ title: '超出频率', phone: '15999999999' }));
    expect([res.status, res.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(res.body.error.params.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('keeps calls for the office: visitors and members cannot list or create them', async () => {
    expect((await visitor.get('/api/topic-calls')).status).toBe(401);
    const member = await t.as('member01@demo.local');
    expect((await member.get('/api/topic-calls')).status).toBe(403);
    expect((await member.post('/api/topic-calls', { year: 2027, title: '私设征集', opensAt: iso(0), closesAt: iso(day) })).status).toBe(403);
  });
});
