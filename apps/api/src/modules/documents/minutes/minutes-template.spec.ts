import * as Y from 'yjs';
import { docToJSON, replaceContent, type EditorJSON } from '@xieshang/editor-schema';
import { formatDuration, minutesTemplate, OTHER_TABLE, speakingRowCells, toChineseOrdinal, type SpeakingRow } from './minutes-template';
import { applyRowChanges, templateAnchors } from './speaking-log-yjs';

const TZ = 'Asia/Shanghai';
const meeting = { title: '专题协商会', typeName: '专题协商会', startsAt: new Date('2026-11-23T06:30:00Z'), endsAt: new Date('2026-11-23T09:00:00Z'), venue: '二楼会议室', hostName: '主席 林正阳' };
const agenda = [
  { id: 'a1', title: '情况通报' },
  { id: 'a2', title: '交流发言' },
];
const row = (entryId: string, over: Partial<SpeakingRow> = {}): SpeakingRow => ({
  entryId,
  agendaItemId: 'a2',
  name: `委员${entryId}`,
  sector: '经济界',
  kind: 'arranged',
  status: 'done',
  startedAt: Date.parse('2026-11-23T07:05:09Z'),
  durationMs: 185_000,
  ...over,
});

const tables = (json: EditorJSON): string[][][] => {
  const text = (n: EditorJSON): string => n.text ?? (n.content ?? []).map(text).join('');
  return (json.content ?? []).filter((n) => n.type === 'table').map((t) => (t.content ?? []).map((r) => (r.content ?? []).map(text)));
};

describe('minutes template', () => {
  it('shows a speaking-log row as who, sector, kind, start (organisation time) and duration', () => {
    expect(speakingRowCells(row('1'), TZ)).toEqual(['委员1', '经济界', '交流发言', '15:05:09', '3分05秒']);
    expect(speakingRowCells(row('1', { status: 'called', startedAt: null, durationMs: null }), TZ)).toEqual(['委员1', '经济界', '交流发言', '—', '待发言']);
    expect(speakingRowCells(row('1', { status: 'speaking', durationMs: null, kind: 'department_response' }), TZ)[2]).toBe('部门回应');
    expect(formatDuration(42_400)).toBe('42秒');
  });

  it('numbers agenda items the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 23].map(toChineseOrdinal)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });

  it('puts a table under each agenda item, and one for speakers outside the agenda only when needed', () => {
    const t = minutesTemplate(meeting, [{ name: '甲', status: 'present' }], agenda, [row('1'), row('2', { agendaItemId: null })], TZ);
    expect([...t.tableIndex.keys()]).toEqual(['a1', 'a2', OTHER_TABLE]);
    expect(t.tableRows.get('a2')).toEqual(['1']);
    expect(t.tableRows.get(OTHER_TABLE)).toEqual(['2']);
    expect(minutesTemplate(meeting, [], agenda, [row('1')], TZ).tableIndex.has(OTHER_TABLE)).toBe(false);
    expect([...minutesTemplate(meeting, [], [], [], TZ).tableIndex.keys()]).toEqual([OTHER_TABLE]);
  });

  it('adds, updates and removes rows in a Yjs document by their anchors, leaving other text alone', () => {
    const t = minutesTemplate(meeting, [], agenda, [row('1')], TZ);
    const doc = new Y.Doc();
    replaceContent(doc, t.json);
    const anchors = templateAnchors(doc, t.tableIndex, t.tableRows);
    expect([...anchors.keys()].sort()).toEqual(['row:1', 'table:a1', 'table:a2']);

    // someone writes above the tables meanwhile: the anchors still find them
    const edited = docToJSON(doc);
    replaceContent(doc, { ...edited, content: [{ type: 'paragraph', content: [{ type: 'text', text: '记录员的话' }] }, ...(edited.content ?? [])] });

    const first = applyRowChanges(doc, anchors, [{ entryId: '2', tableKey: 'a1', row: row('2', { agendaItemId: 'a1', status: 'called', startedAt: null, durationMs: null }) }], TZ);
    expect([...first.added.keys()]).toEqual(['row:2']);
    const all = new Map([...anchors, ...first.added]);
    applyRowChanges(doc, all, [{ entryId: '2', tableKey: 'a1', row: row('2', { agendaItemId: 'a1' }) }, { entryId: '1', tableKey: 'a2', row: null }], TZ);
    const json = docToJSON(doc);
    expect(tables(json)).toEqual([
      [['发言人', '界别', '类型', '开始时间', '时长'], ['委员2', '经济界', '交流发言', '15:05:09', '3分05秒']],
      [['发言人', '界别', '类型', '开始时间', '时长']],
    ]);
    expect(json.content?.[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '记录员的话' }] });
  });

  it('starts a new section at the end when the table a row belongs to was deleted', () => {
    const t = minutesTemplate(meeting, [], agenda, [], TZ);
    const doc = new Y.Doc();
    replaceContent(doc, t.json);
    const anchors = templateAnchors(doc, t.tableIndex, t.tableRows);
    const fragment = doc.getXmlFragment('default');
    fragment.delete(t.tableIndex.get('a2')!, 1);
    const r = applyRowChanges(doc, anchors, [{ entryId: '9', tableKey: 'a2', row: row('9') }], TZ);
    expect([...r.added.keys()].sort()).toEqual(['row:9', 'table:a2']);
    const json = docToJSON(doc);
    expect(tables(json).at(-1)).toEqual([['发言人', '界别', '类型', '开始时间', '时长'], ['委员9', '经济界', '交流发言', '15:05:09', '3分05秒']]);
    expect(json.content?.at(-2)).toMatchObject({ type: 'heading', content: [{ text: '其他发言' }] });
  });
});
