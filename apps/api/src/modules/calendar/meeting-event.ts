import type { Locale, MeetingState } from '@xieshang/contracts';
import type { IcsEvent, IcsStatus } from './ical';

/** What a calendar entry needs of a meeting (from the feed query or from MeetingsService). */
export interface CalendarMeeting {
  id: string;
  title: string;
  typeName: string;
  state: MeetingState;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  videoUrl: string | null;
  agendaTitles: readonly string[];
  cancelReason: string | null;
  version: number;
  updatedAt: Date;
}

const LABELS: Record<Locale, { type: string; agenda: string; video: string; cancelled: string; calendar: string }> = {
  'zh-CN': { type: '会议类型：', agenda: '议程：', video: '视频会议：', cancelled: '会议已取消：', calendar: '我的会议' },
  en: { type: 'Type: ', agenda: 'Agenda:', video: 'Video meeting: ', cancelled: 'Cancelled: ', calendar: 'My meetings' },
};

export function calendarName(orgName: string, locale: Locale): string {
  return `${orgName} · ${LABELS[locale].calendar}`;
}

function statusOf(state: MeetingState): IcsStatus {
  if (state === 'cancelled') return 'CANCELLED';
  // planned meetings may still move: calendars show them as tentative
  return state === 'planned' ? 'TENTATIVE' : 'CONFIRMED';
}

function description(m: CalendarMeeting, locale: Locale): string {
  const l = LABELS[locale];
  const lines = [`${l.type}${m.typeName}`];
  if (m.state === 'cancelled') lines.unshift(`${l.cancelled}${m.cancelReason ?? ''}`.trim());
  if (m.agendaTitles.length) lines.push(l.agenda, ...m.agendaTitles.map((t, i) => `${i + 1}. ${t}`));
  if (m.videoUrl) lines.push(`${l.video}${m.videoUrl}`);
  return lines.join('\n');
}

export function meetingEvent(m: CalendarMeeting, opts: { locale: Locale; baseUrl: string }): IcsEvent {
  return {
    uid: `${m.id}@xieshang`,
    sequence: m.version,
    start: m.startsAt,
    end: m.endsAt,
    lastModified: m.updatedAt,
    summary: m.title,
    location: m.venue,
    description: description(m, opts.locale),
    url: `${opts.baseUrl}/meetings/${m.id}`,
    status: statusOf(m.state),
    alarmMinutesBefore: 60,
  };
}
