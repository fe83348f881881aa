import { currentSpeaker } from '@xieshang/domain';
import type { DocumentDetail, LiveState } from '@xieshang/contracts';
import { contentOf, eventually, storeOf, tablesOf, textOf } from './support/document-helpers';
import type { LiveTestClient } from './support/live-clients';
import { liveClient, liveMeeting, type LiveMeeting } from './support/live-fixtures';
import { userId } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import * as Y from 'yjs';
import { YJS_FRAGMENT } from '@xieshang/editor-schema';

jest.setTimeout(60_000);

const members = ['member01', 'member02', 'member03', 'member04', 'member05'].map((m) => `${m}@demo.local`);

/*
 * The minutes template made from a meeting, and the speaking log filling in while the host runs the live
 * session: real app, real PostgreSQL, the host on a real /live socket.
 */
describe('minutes from the meeting, with the live speaking log (real app, real PostgreSQL, /live)', () => {
  let t: TestApp;
  let meeting: LiveMeeting;
  let host: LiveTestClient;
  let minutes: DocumentDetail;
  const names: Record<string, string> = {};

  const serverState = async (): Promise<LiveState> => (await t.ds.query(`SELECT state FROM live_sessions WHERE meeting_id = $1`, [meeting.id]))[0].state;
  const rows = async () => tablesOf(await contentOf(t, minutes.id)).flatMap((table) => table.slice(1));
  const rowOf = (all: string[][], name: string) => all.filter((r) => r[0] === name);

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    for (const e of members) names[e.split('@')[0]] = (await t.ds.query(`SELECT name FROM users WHERE email = $1`, [e]))[0].name;
    meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees: members, speakers: ['member01@demo.local', 'member02@demo.local'] });
    await t.ds.query(`UPDATE meetings SET venue = '市政协三楼会议室' WHERE id = $1`, [meeting.id]);
    await t.ds.query(`UPDATE meeting_invitations SET state = 'leave_approved' WHERE meeting_id = $1 AND user_id = $2`, [meeting.id, await userId(t.ds, 'member05@demo.local')]);
    await t.ds.query(`UPDATE meeting_invitations SET state = 'checked_in', check_in_mode = 'room', checked_in_at = now() WHERE meeting_id = $1 AND user_id = $2`, [
      meeting.id,
      await userId(t.ds, 'member04@demo.local'),
    ]);
    host = await liveClient(t, 'chair@demo.local');
  });
  afterAll(async () => {
    host?.close();
    await t.close();
  });

  it('the first speech happens before any minutes exist; nothing is written anywhere', async () => {
    await host.join(meeting.id, { mode: 'room' });
    await host.ok(meeting.id, { type: 'session:open' });
    await host.ok(meeting.id, { type: 'queue:call-next' });
    const first = currentSpeaker(await serverState())!;
    await host.ok(meeting.id, { type: 'queue:start-speaking', entryId: first.id });
    await new Promise((r) => setTimeout(r, 1_100));
    await host.ok(meeting.id, { type: 'queue:finish', entryId: first.id });
    expect(await t.ds.query(`SELECT id FROM documents WHERE meeting_id = $1`, [meeting.id])).toEqual([]);
    expect(await t.ds.query(`SELECT name FROM speaking_log WHERE meeting_id = $1`, [meeting.id])).toEqual([{ name: names.member01 }]);
  });

  it('only the office or the host creates the minutes; the template has the meeting, attendance, agenda and the speaking log so far', async () => {
    const member = await t.as('member01@demo.local');
    expect((await member.post(`/api/meetings/${meeting.id}/minutes`)).body.error.code).toBe('FORBIDDEN');
    const chair = await t.as('chair@demo.local');
    const created = await chair.post(`/api/meetings/${meeting.id}/minutes`);
    expect(created.status).toBe(200);
    minutes = created.body;
    expect(minutes).toMatchObject({ kind: 'minutes', meetingId: meeting.id, state: 'draft', myRole: 'editor' });
    expect(minutes.title).toMatch(/纪要$/);
    // participants comment on the minutes
    expect((await member.get(`/api/documents/${minutes.id}`)).body.myRole).toBe('commenter');

    const json = await contentOf(t, minutes.id);
    const text = textOf(json);
    const [{ title }] = await t.ds.query(`SELECT title FROM meetings WHERE id = $1`, [meeting.id]);
    expect(text).toContain(`${title}纪要`);
    expect(text).toMatch(/时间：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain('地点：市政协三楼会议室');
    expect(text).toContain('主持人：主席 林正阳');
    expect(text).toContain(`出席：1人：${names.member04}`);
    expect(text).toContain(`请假：1人：${names.member05}`);
    expect(text).toMatch(new RegExp(`缺席：3人：.*${names.member01}`));
    for (const heading of ['一、情况通报', '二、交流发言', '三、自由讨论']) expect(text).toContain(heading);
    const tables = tablesOf(json);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) expect(table[0]).toEqual(['发言人', '界别', '类型', '开始时间', '时长']);
    // the speech given before the minutes existed is in them
    const [row] = rowOf(tables.flatMap((tb) => tb.slice(1)), names.member01);
    expect(row).toEqual([names.member01, expect.any(String), '交流发言', expect.stringMatching(/^\d{2}:\d{2}:\d{2}$/), expect.stringMatching(/^\d+秒$/)]);
  });

  it('fills in as the host calls, starts and finishes the next speaker, without touching what the minute-taker wrote', async () => {
    // the minute-taker writes a line at the end
    await storeOf(t).applyServerChange(
      minutes.id,
      (doc) => {
        const p = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        text.insert(0, '记录员：与会委员围绕城市更新展开讨论。');
        p.insert(0, [text]);
        const fragment = doc.getXmlFragment(YJS_FRAGMENT);
        fragment.insert(fragment.length, [p]);
      },
      null,
    );

    await host.ok(meeting.id, { type: 'queue:call-next' });
    const second = currentSpeaker(await serverState())!;
    expect(second.name).toBe(names.member02);
    await eventually('called row', rows, (r) => rowOf(r, names.member02).length === 1 && rowOf(r, names.member02)[0][4] === '待发言');
    expect(rowOf(await rows(), names.member02)[0][3]).toBe('—');

    await host.ok(meeting.id, { type: 'queue:start-speaking', entryId: second.id });
    await eventually('speaking row', rows, (r) => rowOf(r, names.member02)[0]?.[4] === '发言中');
    expect(rowOf(await rows(), names.member02)[0][3]).toMatch(/^\d{2}:\d{2}:\d{2}$/);

    await host.ok(meeting.id, { type: 'queue:finish', entryId: second.id });
    const done = await eventually('finished row', rows, (r) => /秒$/.test(rowOf(r, names.member02)[0]?.[4] ?? ''));
    expect(rowOf(done, names.member02)).toHaveLength(1);
    expect(rowOf(done, names.member01)).toHaveLength(1);
    expect(textOf(await contentOf(t, minutes.id))).toContain('记录员：与会委员围绕城市更新展开讨论。');
  });

  it('adds a free speaker to the current agenda item, and takes the row away again when the host skips them', async () => {
    await host.ok(meeting.id, { type: 'agenda:next' });
    await host.ok(meeting.id, { type: 'agenda:next' });
    const member03 = await liveClient(t, 'member03@demo.local');
    try {
      await member03.join(meeting.id, { mode: 'remote' });
      await member03.ok(meeting.id, { type: 'queue:raise-hand', mode: 'remote' });
    } finally {
      member03.close();
    }
    const hand = (await serverState()).entries.find((e) => e.kind === 'hand')!;
    await host.ok(meeting.id, { type: 'queue:call', entryId: hand.id });
    await eventually('hand row', rows, (r) => rowOf(r, names.member03).length === 1);
    // in the table under 三、自由讨论 (the third agenda item's table)
    const json = await contentOf(t, minutes.id);
    const freeDiscussion = tablesOf(json)[2];
    expect(freeDiscussion.map((r) => r[0])).toContain(names.member03);
    expect(rowOf(freeDiscussion, names.member03)[0][2]).toBe('自由发言');

    await host.ok(meeting.id, { type: 'queue:skip', entryId: hand.id });
    await eventually('row removed', rows, (r) => rowOf(r, names.member03).length === 0);
    expect(rowOf(await rows(), names.member02)).toHaveLength(1);
  });

  it('stops writing once the minutes are finalized', async () => {
    const admin = await t.as('admin@demo.local');
    await admin.post(`/api/documents/${minutes.id}/transition`, { action: 'submit_for_review' });
    const fin = await admin.post(`/api/documents/${minutes.id}/transition`, { action: 'finalize' });
    expect(fin.body.state).toBe('finalized');
    const before = await storeOf(t).state(minutes.id);
    const member04 = await liveClient(t, 'member04@demo.local');
    try {
      await member04.join(meeting.id, { mode: 'remote' });
      await member04.ok(meeting.id, { type: 'queue:raise-hand', mode: 'remote' });
    } finally {
      member04.close();
    }
    await host.ok(meeting.id, { type: 'queue:call-next' });
    await host.ok(meeting.id, { type: 'session:end' });
    await new Promise((r) => setTimeout(r, 300));
    expect(Buffer.from(await storeOf(t).state(minutes.id)).equals(Buffer.from(before))).toBe(true);
  });
});
