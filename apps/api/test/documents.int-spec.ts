import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentComment, DocumentDetail, DocumentSummary, DocumentVersion } from '@xieshang/contracts';
import { YJS_FRAGMENT } from '@xieshang/editor-schema';
import { DocumentAccessService } from '../src/modules/documents/document-access.service';
import { contentOf, openCollab, paragraphs, setContent, storeOf, textOf, updateMessage } from './support/document-helpers';
import { auditActions, createMeeting, userId } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

jest.setTimeout(60_000);

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/*
 * Documents REST against the real app and PostgreSQL: who may do what (per role, per route), states and the
 * immutable finalized copy, named versions and restore, comments. Content is written through the app's own
 * collab store (the server side of the editor); the gateway's refusal is checked with a raw /collab socket.
 */
describe('documents (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestClient;
  let chair: TestClient; // the meeting's host; sees every meeting: reader
  let invitee: TestClient; // member01, invited: commenter on the minutes
  let outsider: TestClient; // member03, not invited: sees nothing
  let assigned: TestClient; // member04, assigned editor by the office
  let dept: TestClient;
  let meetingId: string;
  let minutes: DocumentDetail;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    ids = {
      chair: await userId(t.ds, 'chair@demo.local'),
      member01: await userId(t.ds, 'member01@demo.local'),
      member02: await userId(t.ds, 'member02@demo.local'),
      member04: await userId(t.ds, 'member04@demo.local'),
    };
    const m = await createMeeting(t.ds, { title: '关于城市更新的专题协商会', state: 'notified', hostId: ids.chair, invitees: [ids.member01, ids.member02] });
    meetingId = m.id;
    [admin, chair, invitee, outsider, assigned, dept] = await Promise.all(
      ['admin', 'chair', 'member01', 'member03', 'member04', 'dept01'].map((u) => t.as(`${u}@demo.local`)),
    );
    const created = await admin.post(`/api/meetings/${meetingId}/minutes`);
    expect(created.status).toBe(200);
    minutes = created.body;
    expect((await admin.request('PUT', `/api/documents/${minutes.id}/members/${ids.member04}`, { body: { role: 'editor' } })).status).toBe(200);
  });
  afterAll(() => t.close());

  describe('demo documents', () => {
    it('has the minutes of the ended meeting, a finalized report and a draft recommendation, readable through the store', async () => {
      const all = (await admin.get('/api/documents?pageSize=200')).body.items as DocumentSummary[];
      // ours (the outcomes demo adds finalized documents of its own, with no author)
      const demo = all.filter((d) => d.meetingId !== meetingId && d.createdById !== null);
      expect(demo.map((d) => [d.kind, d.state]).sort()).toEqual([
        ['minutes', 'draft'],
        ['recommendation', 'draft'],
        ['report', 'finalized'],
      ]);
      const minutesDoc = demo.find((d) => d.kind === 'minutes')!;
      expect(minutesDoc.meetingTitle).toBe('市政协十四届常委会第十二次会议');
      const text = textOf(await contentOf(t, minutesDoc.id));
      expect(text).toContain('市政协十四届常委会第十二次会议纪要');
      expect(text).toContain('主要内容：会议听取了市政协办公室');
      const report = demo.find((d) => d.kind === 'report')!;
      const html = await (await t.as('member10@demo.local')).get(`/api/documents/${report.id}/html`);
      expect(html.status).toBe(200);
      expect(sha256(html.body.html)).toBe(html.body.sha256);
      expect(textOf(await contentOf(t, report.id))).toContain('关于完善城市社区居家养老服务的协商报告');
      const rec = demo.find((d) => d.kind === 'recommendation')!;
      expect((await (await t.as('member03@demo.local')).get(`/api/documents/${rec.id}`)).body.myRole).toBe('editor');
    });
  });

  describe('access per role', () => {
    it('answers each role with its role on the minutes, and NOT_FOUND to those who may not see them', async () => {
      const roleOf = async (c: TestClient) => {
        const r = await c.get(`/api/documents/${minutes.id}`);
        return r.status === 200 ? (r.body as DocumentDetail).myRole : r.status;
      };
      expect(await roleOf(admin)).toBe('editor');
      expect(await roleOf(assigned)).toBe('editor');
      expect(await roleOf(invitee)).toBe('commenter');
      expect(await roleOf(chair)).toBe('reader');
      expect(await roleOf(outsider)).toBe(404);
      expect(await roleOf(dept)).toBe(404);
      expect((await t.client().get(`/api/documents/${minutes.id}`)).status).toBe(401);
    });

    it('lists only what each one may see, with the same filters', async () => {
      const listed = async (c: TestClient, q = '') => ((await c.get(`/api/documents?meetingId=${meetingId}${q}`)).body.items as DocumentSummary[]).map((d) => d.id);
      expect(await listed(admin)).toEqual([minutes.id]);
      expect(await listed(invitee, '&kind=minutes')).toEqual([minutes.id]);
      expect(await listed(invitee, '&kind=report')).toEqual([]);
      expect(await listed(outsider)).toEqual([]);
      expect(await listed(dept)).toEqual([]);
      expect((await invitee.get(`/api/meetings/${meetingId}/minutes`)).body.id).toBe(minutes.id);
      expect((await outsider.get(`/api/meetings/${meetingId}/minutes`)).status).toBe(404);
    });

    it('answers every route NOT_FOUND to someone who may not see the document, and lets every reader read', async () => {
      const fake = '00000000-0000-4000-8000-000000000000';
      const reads = ['', '/html', '/members', '/versions', '/comments', '/export?format=md'];
      for (const path of reads) {
        expect([path, (await outsider.get(`/api/documents/${minutes.id}${path}`)).status]).toEqual([path, 404]);
        expect([path, (await dept.get(`/api/documents/${minutes.id}${path}`)).status]).toEqual([path, 404]);
        expect([path, (await chair.get(`/api/documents/${minutes.id}${path}`)).status]).toEqual([path, 200]);
        expect([path, (await admin.get(`/api/documents/${fake}${path}`)).status]).toEqual([path, 404]);
      }
      const writes: Array<[string, string, unknown]> = [
        ['PATCH', '', { title: '改' }],
        ['POST', '/transition', { action: 'submit_for_review' }],
        ['POST', '/versions', { name: '稿' }],
        ['POST', `/versions/${fake}/restore`, undefined],
        ['POST', '/comments', { anchor: { start: 'AAAA', end: 'AAAA' }, quote: '', body: '意见' }],
        ['POST', `/comments/${fake}/replies`, { body: '回复' }],
        ['POST', `/comments/${fake}/resolve`, { resolved: true }],
      ];
      for (const [method, path, body] of writes) {
        expect([method, path, (await outsider.request(method, `/api/documents/${minutes.id}${path}`, { body: body ?? {} })).status]).toEqual([method, path, 404]);
      }
    });

    it('gives the collab gateway the same answer (one rule)', async () => {
      const access = t.app.get(DocumentAccessService);
      const user = async (email: string) => (await t.ds.query(`SELECT id, roles, department_id AS "departmentId" FROM users WHERE email = $1`, [email]))[0];
      expect(await access.accessOf(await user('member04@demo.local'), minutes.id)).toMatchObject({ role: 'editor', canEdit: true, state: 'draft' });
      expect(await access.accessOf(await user('member01@demo.local'), minutes.id)).toMatchObject({ role: 'commenter', canEdit: false });
      expect(await access.accessOf(await user('member03@demo.local'), minutes.id)).toBeNull();
    });

    it('lets only editors rename, and only the office assign members', async () => {
      const rename = (c: TestClient, title: string) => c.patch(`/api/documents/${minutes.id}`, { title });
      expect((await rename(invitee, '改名')).status).toBe(403);
      expect((await rename(chair, '改名')).status).toBe(403);
      expect((await rename(outsider, '改名')).status).toBe(404);
      const ok = await rename(assigned, '关于城市更新的专题协商会纪要（初稿）');
      expect(ok.status).toBe(200);
      expect(ok.body.title).toBe('关于城市更新的专题协商会纪要（初稿）');
      expect((await assigned.request('PUT', `/api/documents/${minutes.id}/members/${ids.member02}`, { body: { role: 'editor' } })).body.error.code).toBe('FORBIDDEN');
      expect((await assigned.delete(`/api/documents/${minutes.id}/members/${ids.member04}`)).status).toBe(403);
      const members = await invitee.get(`/api/documents/${minutes.id}/members`);
      expect(members.body).toEqual([expect.objectContaining({ userId: ids.member04, role: 'editor', addedByName: '办公室 周敏' })]);
      expect((await outsider.get(`/api/documents/${minutes.id}/members`)).status).toBe(404);
    });

    it('assigning and removing a commenter changes what that person may do at once', async () => {
      const m03 = await userId(t.ds, 'member03@demo.local');
      await admin.request('PUT', `/api/documents/${minutes.id}/members/${m03}`, { body: { role: 'commenter' } });
      expect((await outsider.get(`/api/documents/${minutes.id}`)).body.myRole).toBe('commenter');
      const removed = await admin.delete(`/api/documents/${minutes.id}/members/${m03}`);
      expect(removed.body.map((m: { userId: string }) => m.userId)).toEqual([ids.member04]);
      expect((await outsider.get(`/api/documents/${minutes.id}`)).status).toBe(404);
      expect((await admin.delete(`/api/documents/${minutes.id}/members/${m03}`)).status).toBe(404);
    });

    it('lets the office create anything, the chair reports, the host the minutes, members blank drafts only', async () => {
      const [topic] = await t.ds.query(`SELECT id, title FROM topics ORDER BY created_at LIMIT 1`);
      expect((await invitee.post('/api/documents', { kind: 'report', topicId: topic.id })).status).toBe(403);
      expect((await invitee.post(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
      const report = await chair.post('/api/documents', { kind: 'report', topicId: topic.id });
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ kind: 'report', title: `关于“${topic.title}”的协商报告`, myRole: 'editor', topicId: topic.id, topicTitle: topic.title });
      expect((await admin.post('/api/documents', { kind: 'recommendation', topicId: topic.id, title: '建议案' })).status).toBe(200);
      // a member's blank draft is theirs: they edit it, nobody else but the office sees it
      const draft = await invitee.post('/api/documents', { kind: 'blank', title: '我的发言提纲' });
      expect(draft.body).toMatchObject({ kind: 'blank', myRole: 'editor' });
      expect((await chair.get(`/api/documents/${draft.body.id}`)).status).toBe(404);
      expect((await admin.get(`/api/documents/${draft.body.id}`)).body.myRole).toBe('editor');
      // a report needs a subject; minutes need a meeting; the host gets the existing minutes back
      expect((await admin.post('/api/documents', { kind: 'report' })).body.error.code).toBe('VALIDATION_FAILED');
      expect((await admin.post('/api/documents', { kind: 'minutes' })).body.error.code).toBe('VALIDATION_FAILED');
      expect((await admin.post('/api/documents', { kind: 'report', topicId: '00000000-0000-4000-8000-000000000000' })).body.error.code).toBe('VALIDATION_FAILED');
      expect((await chair.post(`/api/meetings/${meetingId}/minutes`)).body.id).toBe(minutes.id);
      expect((await observerClient()).status).toBe(403);
    });

    async function observerClient() {
      await t.ds.query(
        `INSERT INTO users (email, name, password_hash, roles) SELECT 'observer-doc@demo.local', '列席 观察员', password_hash, '{observer}' FROM users WHERE email = 'member01@demo.local' ON CONFLICT DO NOTHING`,
      );
      const observer = await t.as('observer-doc@demo.local');
      return observer.post('/api/documents', { kind: 'blank', title: '观察员草稿' });
    }
  });

  describe('versions and restore', () => {
    it('saves a named version, shows it, and restores it as a new edit', async () => {
      await setContent(t, minutes.id, paragraphs('第一稿：会议听取了情况通报。'), ids.member04);
      expect((await invitee.post(`/api/documents/${minutes.id}/versions`, { name: '不该成功' })).status).toBe(403);
      expect((await chair.post(`/api/documents/${minutes.id}/versions`, { name: '不该成功' })).status).toBe(403);
      const v = await assigned.post(`/api/documents/${minutes.id}/versions`, { name: '提交主席会议稿' });
      expect(v.status).toBe(200);
      expect(v.body).toMatchObject({ name: '提交主席会议稿', createdByName: expect.any(String), bytes: expect.any(Number) });

      await setContent(t, minutes.id, paragraphs('第二稿：完全改写。'), ids.member04);
      const before = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(await storeOf(t).state(minutes.id)));
      const listed = await invitee.get(`/api/documents/${minutes.id}/versions`);
      expect((listed.body as DocumentVersion[]).map((x) => x.name)).toEqual(['提交主席会议稿']);
      const view = await chair.get(`/api/documents/${minutes.id}/versions/${v.body.id}`);
      expect(view.status).toBe(200);
      expect(view.body.version.id).toBe(v.body.id);
      expect(typeof view.body.html).toBe('string');
      expect((await outsider.get(`/api/documents/${minutes.id}/versions/${v.body.id}`)).status).toBe(404);

      expect((await invitee.post(`/api/documents/${minutes.id}/versions/${v.body.id}/restore`)).status).toBe(403);
      const restored = await assigned.post(`/api/documents/${minutes.id}/versions/${v.body.id}/restore`);
      expect(restored.status).toBe(200);
      expect(textOf(await contentOf(t, minutes.id))).toBe('第一稿：会议听取了情况通报。');
      // a new edit on top of the log: the server's clock only moves forward, nothing was rewritten
      const after = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(await storeOf(t).state(minutes.id)));
      const serverClient = [...after.keys()].find((c) => (after.get(c) ?? 0) > (before.get(c) ?? 0));
      expect(serverClient).toBeDefined();
      for (const [client, clock] of before) expect(after.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      expect(restored.body.history.map((h: { kind: string }) => h.kind)).toEqual(expect.arrayContaining(['version_created', 'version_restored']));
    });
  });

  describe('comments', () => {
    let thread: DocumentComment;
    const anchor = () => {
      const doc = new Y.Doc();
      const frag = doc.getXmlFragment(YJS_FRAGMENT);
      const enc = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(frag, i))).toString('base64');
      return { start: enc(0), end: enc(0) };
    };

    it('lets commenters and editors comment, reply and resolve; readers and outsiders may not', async () => {
      const body = { anchor: anchor(), quote: '会议听取了情况通报', body: '建议写明通报单位。' };
      expect((await chair.post(`/api/documents/${minutes.id}/comments`, body)).status).toBe(403);
      expect((await outsider.post(`/api/documents/${minutes.id}/comments`, body)).status).toBe(404);
      expect((await invitee.post(`/api/documents/${minutes.id}/comments`, { ...body, anchor: { start: 'not base64!', end: 'x' } })).status).toBe(400);
      const added = await invitee.post(`/api/documents/${minutes.id}/comments`, body);
      expect(added.status).toBe(200);
      thread = added.body;
      expect(thread).toMatchObject({ quote: body.quote, body: body.body, anchor: body.anchor, resolved: false, replies: [], authorName: expect.any(String) });

      const replied = await assigned.post(`/api/documents/${minutes.id}/comments/${thread.id}/replies`, { body: '已补充。' });
      expect(replied.body.replies).toEqual([expect.objectContaining({ body: '已补充。' })]);
      expect((await chair.post(`/api/documents/${minutes.id}/comments/${thread.id}/replies`, { body: '读者不能回复' })).status).toBe(403);

      const resolved = await invitee.post(`/api/documents/${minutes.id}/comments/${thread.id}/resolve`, { resolved: true });
      expect(resolved.body).toMatchObject({ resolved: true, resolvedByName: expect.any(String) });
      expect((await chair.get(`/api/documents/${minutes.id}/comments?status=open`)).body).toEqual([]);
      expect((await chair.get(`/api/documents/${minutes.id}/comments?status=resolved`)).body.map((c: DocumentComment) => c.id)).toEqual([thread.id]);
      const reopened = await admin.post(`/api/documents/${minutes.id}/comments/${thread.id}/resolve`, { resolved: false });
      expect(reopened.body).toMatchObject({ resolved: false, resolvedAt: null });
      expect((await outsider.get(`/api/documents/${minutes.id}/comments`)).status).toBe(404);
    });

    it('pushes comment changes to the people who have the document open', async () => {
      const { socket } = await openCollab(t.url, invitee.cookieHeader, minutes.id);
      try {
        const pushed = new Promise<{ documentId: string; change: string; commentId: string }>((resolve) => socket.once('collab:comments', resolve));
        await assigned.post(`/api/documents/${minutes.id}/comments/${thread.id}/replies`, { body: '再补充一句。' });
        expect(await pushed).toMatchObject({ documentId: minutes.id, commentId: thread.id, change: 'updated' });
      } finally {
        socket.close();
      }
    });
  });

  describe('states and the finalized copy', () => {
    it('goes draft → in_review → draft (with a comment) → in_review → finalized, each step recorded', async () => {
      const go = (c: TestClient, action: string, comment?: string) => c.post(`/api/documents/${minutes.id}/transition`, { action, ...(comment && { comment }) });
      expect((await go(invitee, 'submit_for_review')).body.error.code).toBe('FORBIDDEN');
      expect((await go(chair, 'finalize')).body.error.code).toBe('INVALID_TRANSITION');
      const submitted = await go(assigned, 'submit_for_review');
      expect(submitted.body).toMatchObject({ state: 'in_review', allowedActions: [] });
      expect((await chair.get(`/api/documents/${minutes.id}`)).body.allowedActions.sort()).toEqual(['finalize', 'send_back']);
      expect((await go(chair, 'send_back')).body.error.code).toBe('VALIDATION_FAILED');
      expect((await go(chair, 'send_back', '出席名单需核对')).body.state).toBe('draft');
      expect((await go(assigned, 'submit_for_review')).body.state).toBe('in_review');
      expect((await go(assigned, 'finalize')).body.error.code).toBe('FORBIDDEN');

      await setContent(t, minutes.id, paragraphs('定稿：会议听取了情况通报。', '与会委员进行了交流。'), ids.member04);
      const finalized = await go(chair, 'finalize', '同意定稿');
      expect(finalized.status).toBe(200);
      const doc = finalized.body as DocumentDetail;
      expect(doc).toMatchObject({ state: 'finalized', can: { edit: false, comment: false, manageVersions: false }, allowedActions: [] });
      expect(doc.final).toMatchObject({ finalizedByName: '主席 林正阳', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(doc.history.map((h) => [h.kind, h.fromState, h.toState, h.comment])).toEqual(
        expect.arrayContaining([
          ['submit_for_review', 'draft', 'in_review', null],
          ['send_back', 'in_review', 'draft', '出席名单需核对'],
          ['finalize', 'in_review', 'finalized', '同意定稿'],
        ]),
      );
      expect(doc.history.every((h) => h.actorName && h.at)).toBe(true);
      expect(await auditActions(t.ds, 'document', minutes.id)).toEqual(
        expect.arrayContaining(['document.created', 'document.member_set', 'document.submit_for_review', 'document.send_back', 'document.finalize']),
      );
      // the stored copy: its hash is what the document shows, also as a download
      const html = await invitee.get(`/api/documents/${minutes.id}/html`);
      expect(html.body.sha256).toBe(doc.final!.sha256);
      expect(sha256(html.body.html)).toBe(doc.final!.sha256);
      const file = await invitee.get(`/api/documents/${minutes.id}/export?format=html&source=finalized`);
      expect(file.status).toBe(200);
      expect(sha256(file.body as Buffer)).toBe(doc.final!.sha256);
    });

    it('refuses every later change, over REST and over the collab socket, and the hash stays the same', async () => {
      const before = (await admin.get(`/api/documents/${minutes.id}`)).body.final.sha256;
      expect((await admin.patch(`/api/documents/${minutes.id}`, { title: '再改' })).body.error.code).toBe('DOCUMENT_FINALIZED');
      expect((await admin.post(`/api/documents/${minutes.id}/versions`, { name: '定稿后' })).body.error.code).toBe('DOCUMENT_FINALIZED');
      const [version] = (await admin.get(`/api/documents/${minutes.id}/versions`)).body;
      expect((await admin.post(`/api/documents/${minutes.id}/versions/${version.id}/restore`)).body.error.code).toBe('DOCUMENT_FINALIZED');
      const [comment] = (await admin.get(`/api/documents/${minutes.id}/comments`)).body;
      expect((await invitee.post(`/api/documents/${minutes.id}/comments/${comment.id}/resolve`, { resolved: true })).body.error.code).toBe('DOCUMENT_FINALIZED');
      for (const action of ['submit_for_review', 'send_back', 'finalize']) {
        expect((await admin.post(`/api/documents/${minutes.id}/transition`, { action, comment: '再来' })).body.error.code).toBe('INVALID_TRANSITION');
      }

      // an editor's socket may still read, but its edit is refused and never reaches the document
      const { socket, open, doc } = await openCollab(t.url, assigned.cookieHeader, minutes.id);
      try {
        expect(open).toMatchObject({ data: { access: { role: 'editor', canEdit: false, state: 'finalized' } } });
        const edit = new Y.Doc();
        Y.applyUpdate(edit, await storeOf(t).state(minutes.id));
        const sv = Y.encodeStateVector(edit);
        edit.getXmlFragment(YJS_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]);
        const ack = await socket.timeout(10_000).emitWithAck('collab:sync', { documentId: minutes.id, message: updateMessage(Y.encodeStateAsUpdate(edit, sv)) });
        expect(ack).toHaveProperty('error');
        void doc;
      } finally {
        socket.close();
      }
      expect(textOf(await contentOf(t, minutes.id))).toBe('定稿：会议听取了情况通报。\n与会委员进行了交流。');
      const after = await outsider.get(`/api/documents/${minutes.id}/html`);
      // finalized minutes of a published meeting are the record: readable by every member now
      expect(after.status).toBe(200);
      expect(after.body.sha256).toBe(before);
      expect(sha256(after.body.html)).toBe(before);
    });
  });

  describe('export', () => {
    it('downloads the current content, a version and the finalized copy with a Chinese file name', async () => {
      const [version] = (await admin.get(`/api/documents/${minutes.id}/versions`)).body;
      const md = await invitee.get(`/api/documents/${minutes.id}/export?format=md`);
      expect(md.status).toBe(200);
      expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
      expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename="document.md"; filename\*=UTF-8''/);
      expect(decodeURIComponent(md.headers.get('content-disposition')!.split("''")[1])).toBe('关于城市更新的专题协商会纪要（初稿）.md');
      const v = await invitee.get(`/api/documents/${minutes.id}/export?format=md&source=version&versionId=${version.id}`);
      expect(decodeURIComponent(v.headers.get('content-disposition')!.split("''")[1])).toBe('关于城市更新的专题协商会纪要（初稿）（提交主席会议稿）.md');
      expect((await invitee.get(`/api/documents/${minutes.id}/export?format=md&source=version`)).status).toBe(400);
      const docx = await invitee.get(`/api/documents/${minutes.id}/export?format=docx&source=finalized`);
      expect(docx.status).toBe(200);
      expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const pdf = await invitee.get(`/api/documents/${minutes.id}/export?format=pdf`);
      expect(pdf.status).toBe(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      expect((await dept.get(`/api/documents/${(await draftOf(invitee)).id}/export?format=md`)).status).toBe(404);
    });

    async function draftOf(c: TestClient): Promise<DocumentSummary> {
      return (await c.get('/api/documents?kind=blank')).body.items[0];
    }
  });
});
