/*
 * iCalendar (RFC 5545) writer for meeting feeds and single-meeting files, kept to what Outlook,
 * Apple Calendar and Google Calendar all read: UTC times, CRLF line ends, lines folded at
 * 75 octets without cutting a UTF-8 character, TEXT values escaped.
 */

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
  uid: string;
  /** bumped on every change, so clients replace their copy */
  sequence: number;
  start: Date;
  end: Date;
  lastModified: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  status: IcsStatus;
  /** a display alarm this many minutes before the start (not for cancelled events) */
  alarmMinutesBefore?: number | null;
}

export interface IcsCalendar {
  name: string;
  /** IANA zone the client shows the calendar in (X-WR-TIMEZONE); event times stay UTC */
  timeZone: string;
  events: readonly IcsEvent[];
  /** when the calendar was produced (DTSTAMP) */
  stamp?: Date;
  /** how often subscribers should refresh a feed */
  refreshMinutes?: number;
}

export const PRODID = '-//Xieshang//Xieshang Meetings//ZH';
const MAX_OCTETS = 75;

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newlines; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Fold one content line (RFC 5545 3.1): at most 75 octets per physical line, continuation lines
 * start with one space (which counts). Splits between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** 2026-11-23T01:00:00.000Z → 20261123T010000Z */
export function utcDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function eventLines(e: IcsEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcDateTime(stamp)}`,
    `DTSTART:${utcDateTime(e.start)}`,
    `DTEND:${utcDateTime(e.end)}`,
    `SEQUENCE:${e.sequence}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  // URI values are not TEXT: no escaping, but never a line break.
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
  lines.push(`STATUS:${e.status}`, `LAST-MODIFIED:${utcDateTime(e.lastModified)}`);
  if (e.alarmMinutesBefore && e.status !== 'CANCELLED') {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.summary)}`, `TRIGGER:-PT${Math.round(e.alarmMinutesBefore)}M`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

export function serializeCalendar(cal: IcsCalendar): string {
  const stamp = cal.stamp ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${cal.timeZone}`,
  ];
  if (cal.refreshMinutes) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${cal.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${cal.refreshMinutes}M`);
  for (const e of cal.events) lines.push(...eventLines(e, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
