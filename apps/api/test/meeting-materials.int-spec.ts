import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), Buffer.alloc(64, 0xff)]);

/** The UTF-8 name from `filename*=UTF-8''…` of a Content-Disposition header. */
const starName = (header: string | null) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(header ?? '')?.[1] ?? '');

/** Booting the app and seeding the demo takes seconds; more when the suites run in parallel. */
const BOOT_TIMEOUT_MS = 60_000;

describe('meeting materials (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let invitee: TestClient;
  let outsider: TestClient;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.as('admin@demo.local');
    invitee = await t.as('member01@demo.local');
    outsider = await t.as('member40@demo.local');
    const [type] = await t.ds.query(`SELECT id FROM meeting_types WHERE code = 'special_consultation'`);
    const [user] = await t.ds.query(`SELECT id FROM users WHERE email = 'member01@demo.local'`);
    const start = Date.now() + 40 * 86_400_000;
    const created = await admin.post('/api/meetings', {
      typeId: type.id, title: '材料测试协商会', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(), invitees: { userIds: [user.id] },
    });
    meetingId = created.body.id;
    for (const action of ['start_preparing', 'notify']) await admin.post(`/api/meetings/${meetingId}/transition`, { action });
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('stores a PDF with its SHA-256, tells the invitees and keeps a Chinese name through download', async () => {
    const name = '协商方案（征求意见稿）.pdf';
    const res = await admin.upload(`/api/meetings/${meetingId}/materials`, PDF, name, 'application/pdf');
    expect(res.status).toBe(200);
    const material = res.body.materials[0];
    expect(material).toMatchObject({ fileName: name, mimeType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), uploadedByName: '办公室 周敏' });

    const [note] = await t.ds.query(`SELECT params FROM notifications WHERE meeting_id = $1 AND kind = 'materials_added'`, [meetingId]);
    expect(note.params).toMatchObject({ fileName: name, title: '材料测试协商会' });

    const download = await invitee.get(`/api/meetings/${meetingId}/materials/${material.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(starName(download.headers.get('content-disposition'))).toBe(name);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    // The chair and leaders may read the papers without an invitation.
    expect((await (await t.as('leader@demo.local')).get(`/api/meetings/${meetingId}/materials/${material.id}`)).status).toBe(200);
  });

  it('refuses the download to a member who can see the meeting but is not invited (403)', async () => {
    const meeting = await outsider.get(`/api/meetings/${meetingId}`);
    expect(meeting.status).toBe(200);
    const res = await outsider.get(`/api/meetings/${meetingId}/materials/${meeting.body.materials[0].id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses an .exe renamed .pdf (415), a file over the limit (413) and a member uploading (403)', async () => {
    const exe = await admin.upload(`/api/meetings/${meetingId}/materials`, EXE, 'report.pdf', 'application/pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]);
    const tooBig = await admin.upload(`/api/meetings/${meetingId}/materials`, big, 'big.pdf', 'application/pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', params: { limit: '25 MB' } });
    expect((await invitee.upload(`/api/meetings/${meetingId}/materials`, PDF, 'x.pdf', 'application/pdf')).status).toBe(403);
    const none = await admin.request('POST', `/api/meetings/${meetingId}/materials`, { raw: new FormData() });
    expect(none.status).toBe(400);
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM meeting_materials WHERE meeting_id = $1`, [meetingId]);
    expect(count).toBe(1);
  }, 30_000); // a 25 MB upload

  it('lets the admin delete a material; every step is audited', async () => {
    const up = await admin.upload(`/api/meetings/${meetingId}/materials`, Buffer.from('会议议程\n一、情况通报\n'), '议程.txt', 'text/plain');
    const txt = up.body.materials.find((m: { fileName: string }) => m.fileName === '议程.txt');
    expect(txt.mimeType).toBe('text/plain');
    expect((await invitee.delete(`/api/meetings/${meetingId}/materials/${txt.id}`)).status).toBe(403);
    const del = await admin.delete(`/api/meetings/${meetingId}/materials/${txt.id}`);
    expect(del.status).toBe(200);
    expect(del.body.materials.map((m: { id: string }) => m.id)).not.toContain(txt.id);
    expect((await admin.delete(`/api/meetings/${meetingId}/materials/${txt.id}`)).status).toBe(404);
    const audit = await admin.get(`/api/audit?entity=meeting&entityId=${meetingId}`);
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions.slice(0, 2)).toEqual(['meeting.material_deleted', 'meeting.material_added']);
    expect(actions).toContain('meeting.material_downloaded');
  });

  it('accepts no new materials for a cancelled meeting', async () => {
    await admin.post(`/api/meetings/${meetingId}/transition`, { action: 'cancel', reason: '测试结束' });
    const res = await admin.upload(`/api/meetings/${meetingId}/materials`, PDF, 'late.pdf', 'application/pdf');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'MEETING_LOCKED', params: { state: 'cancelled' } });
  });
});
