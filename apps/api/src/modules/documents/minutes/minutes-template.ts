import type { AttendanceStatus, EntryKind } from '@xieshang/contracts';
import type { EditorJSON } from '@xieshang/editor-schema';

/*
 * The minutes template as ProseMirror JSON (the editor schema of @xieshang/editor-schema): title, time, venue,
 * host, attendance, agenda, and under each agenda item a speaking-log table (who, sector, kind, start, duration)
 * that the live session fills in. Minutes are the organisation's Chinese record, so the template is in Chinese.
 */

export interface MinutesMeeting {
  title: string;
  typeName: string | null;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  hostName: string | null;
}

export interface MinutesInvitee {
  name: string;
  /** the attendance fixed when the meeting ended; before that, derived from check-in and leave */
  status: AttendanceStatus;
}

export interface MinutesAgendaItem {
  id: string;
  title: string;
}

/** One row of a speaking-log table; rows are keyed by the live queue entry. */
export interface SpeakingRow {
  entryId: string;
  agendaItemId: string | null;
  name: string | null;
  sector: string | null;
  kind: EntryKind;
  status: 'called' | 'speaking' | 'done';
  startedAt: number | null;
  durationMs: number | null;
}

/** Key of the table a row goes into: its agenda item's, or the "other speeches" table. */
export const OTHER_TABLE = 'none';
export const tableKeyOf = (row: Pick<SpeakingRow, 'agendaItemId'>, agenda: readonly MinutesAgendaItem[]): string =>
  row.agendaItemId && agenda.some((a) => a.id === row.agendaItemId) ? row.agendaItemId : OTHER_TABLE;

export const SPEAKING_LOG_HEADERS = ['发言人', '界别', '类型', '开始时间', '时长'] as const;
const KIND_LABELS: Record<EntryKind, string> = {
  arranged: '交流发言',
  hand: '自由发言',
  department_response: '部门回应',
  point_of_order: '程序性动议',
  reply: '回应',
};

const text = (t: string): EditorJSON[] => (t ? [{ type: 'text', text: t }] : []);
const paragraph = (t = ''): EditorJSON => ({ type: 'paragraph', ...(t && { content: text(t) }) });
const heading = (level: number, t: string): EditorJSON => ({ type: 'heading', attrs: { level }, content: text(t) });
const labelled = (label: string, value: string): EditorJSON => ({
  type: 'paragraph',
  content: [{ type: 'text', text: `${label}：`, marks: [{ type: 'bold' }] }, ...text(value)],
});
const cell = (type: 'tableHeader' | 'tableCell', t: string): EditorJSON => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(t)] });

function clock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  return m ? `${m}分${String(s % 60).padStart(2, '0')}秒` : `${s}秒`;
}

/** The five cells of a speaking-log row as shown in the minutes. */
export function speakingRowCells(row: SpeakingRow, timeZone: string): string[] {
  const start = row.startedAt !== null ? clock(row.startedAt, timeZone) : '—';
  const duration = row.status === 'done' && row.durationMs !== null ? formatDuration(row.durationMs) : row.status === 'speaking' ? '发言中' : '待发言';
  return [row.name ?? '', row.sector ?? '', KIND_LABELS[row.kind], start, duration];
}

export function speakingRowJSON(row: SpeakingRow, timeZone: string): EditorJSON {
  return { type: 'tableRow', content: speakingRowCells(row, timeZone).map((t) => cell('tableCell', t)) };
}

export function speakingTableJSON(rows: readonly SpeakingRow[], timeZone: string): EditorJSON {
  return {
    type: 'table',
    content: [{ type: 'tableRow', content: SPEAKING_LOG_HEADERS.map((h) => cell('tableHeader', h)) }, ...rows.map((r) => speakingRowJSON(r, timeZone))],
  };
}

/** The heading and table added at the end when a speaker belongs to no agenda item of the template. */
export const OTHER_SPEECHES_HEADING = '其他发言';

function dateTime(m: MinutesMeeting, timeZone: string): string {
  const day = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(m.startsAt);
  const hm = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${day} ${hm(m.startsAt)}—${hm(m.endsAt)}`;
}

function attendanceLine(invitees: readonly MinutesInvitee[], status: AttendanceStatus): string {
  const names = invitees.filter((i) => i.status === status).map((i) => i.name);
  return names.length ? `${names.length}人：${names.join('、')}` : '无';
}

export interface MinutesTemplate {
  json: EditorJSON;
  /** top-level index of each speaking-log table, by key (agenda item id or OTHER_TABLE) */
  tableIndex: Map<string, number>;
  /** the rows in each table, in order (row i of the table is at index i + 1, after the header) */
  tableRows: Map<string, string[]>;
}

export function minutesTemplate(
  meeting: MinutesMeeting,
  invitees: readonly MinutesInvitee[],
  agenda: readonly MinutesAgendaItem[],
  rows: readonly SpeakingRow[],
  timeZone: string,
): MinutesTemplate {
  const content: EditorJSON[] = [
    heading(1, `${meeting.title}纪要`),
    labelled('会议类型', meeting.typeName ?? ''),
    labelled('时间', dateTime(meeting, timeZone)),
    labelled('地点', meeting.venue ?? ''),
    labelled('主持人', meeting.hostName ?? ''),
    heading(2, '出席情况'),
    labelled('出席', attendanceLine(invitees, 'present')),
    labelled('请假', attendanceLine(invitees, 'excused')),
    labelled('缺席', attendanceLine(invitees, 'absent')),
  ];
  if (agenda.length) {
    content.push(heading(2, '会议议程'), { type: 'orderedList', attrs: { start: 1 }, content: agenda.map((a) => ({ type: 'listItem', content: [paragraph(a.title)] })) });
  }
  const tableIndex = new Map<string, number>();
  const tableRows = new Map<string, string[]>();
  const addSection = (key: string, title: string) => {
    const mine = rows.filter((r) => tableKeyOf(r, agenda) === key);
    content.push(heading(2, title), labelled('发言记录', ''));
    tableIndex.set(key, content.length);
    tableRows.set(key, mine.map((r) => r.entryId));
    content.push(speakingTableJSON(mine, timeZone), labelled('主要内容', ''), paragraph());
  };
  agenda.forEach((a, i) => addSection(a.id, `${toChineseOrdinal(i + 1)}、${a.title}`));
  if (!agenda.length || rows.some((r) => tableKeyOf(r, agenda) === OTHER_TABLE)) addSection(OTHER_TABLE, agenda.length ? OTHER_SPEECHES_HEADING : '发言情况');
  content.push(heading(2, '会议议定事项'), paragraph());
  return { json: { type: 'doc', content }, tableIndex, tableRows };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 20 → 二十 (agenda items rarely exceed thirty). */
export function toChineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
