import type IcalModule from 'ical.js' with { 'resolution-mode': 'import' };
import { escapeText, foldLine, serializeCalendar, utcDateTime, type IcsEvent } from './ical';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replace(/\r\n /g, '');

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: '7d1f0f0e-2a59-4a4b-9d83-5d6f9a1c2b3e@xieshang',
  sequence: 3,
  start: new Date('2026-12-01T01:30:00Z'),
  end: new Date('2026-12-01T04:00:00Z'),
  lastModified: new Date('2026-11-20T08:00:00Z'),
  summary: '关于推进城乡融合发展的专题协商会',
  location: '政协二楼会议室, 东楼',
  description: '会议类型：专题协商会\n议程：\n1. 通报; 2. 提问',
  url: 'https://xs.example.org/meetings/7d1f0f0e-2a59-4a4b-9d83-5d6f9a1c2b3e',
  status: 'CONFIRMED',
  alarmMinutesBefore: 60,
  ...over,
});

describe('iCalendar TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters other than tab', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('leaves Chinese punctuation alone', () => {
    expect(escapeText('会议，地点；二楼')).toBe('会议，地点；二楼');
  });
});

describe('iCalendar line folding', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'a'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds ASCII at 75 octets, continuation lines starting with one space', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const physical = foldLine(line).split('\r\n');
    expect(physical.length).toBe(3);
    expect(physical.every((l) => octets(l) <= 75)).toBe(true);
    expect(octets(physical[0])).toBe(75);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(foldLine(line))).toBe(line);
  });

  it('never splits a UTF-8 character of Chinese text', () => {
    // 3 octets each: after "SUMMARY:" (8 octets) 22 characters fit (74), the 23rd would make 77.
    const line = `SUMMARY:${'协商'.repeat(40)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const l of physical) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // each piece is valid UTF-8 on its own: decoding and re-encoding is lossless
      expect(Buffer.from(Buffer.from(l, 'utf8').toString('utf8'), 'utf8').equals(Buffer.from(l, 'utf8'))).toBe(true);
      expect(l).not.toContain('\uFFFD');
    }
    expect(octets(physical[0])).toBe(8 + 22 * 3);
    expect(unfold(folded)).toBe(line);
  });

  it('keeps a 4-octet character (emoji, rare CJK) whole', () => {
    const line = `SUMMARY:${'𠀋'.repeat(30)}`;
    const physical = foldLine(line).split('\r\n');
    expect(physical.every((l) => octets(l) <= 75 && !l.includes('\uFFFD'))).toBe(true);
    expect(unfold(foldLine(line))).toBe(line);
  });
});

describe('calendar serialisation', () => {
  const text = serializeCalendar({
    name: '示范市政协 · 我的会议',
    timeZone: 'Asia/Shanghai',
    stamp: new Date('2026-11-22T00:00:00Z'),
    refreshMinutes: 60,
    events: [event(), event({ uid: 'c@xieshang', status: 'CANCELLED', summary: '已取消的会议' })],
  });

  it('uses CRLF line ends only and folds every line', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('writes the calendar header Outlook, Apple and Google expect', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Xieshang//Xieshang Meetings//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:示范市政协 · 我的会议',
      'X-WR-TIMEZONE:Asia/Shanghai',
    ]);
  });

  it('parses back with ical.js: UTC times, escaped text, alarm, status', async () => {
    // ical.js is an ES module; a dynamic import loads it from this CommonJS spec
    const { default: ICAL }: { default: typeof IcalModule } = await import('ical.js');
    const vcal = new ICAL.Component(ICAL.parse(text));
    const [first, cancelled] = vcal.getAllSubcomponents('vevent');
    const e = new ICAL.Event(first);
    expect(e.uid).toBe('7d1f0f0e-2a59-4a4b-9d83-5d6f9a1c2b3e@xieshang');
    expect(e.summary).toBe('关于推进城乡融合发展的专题协商会');
    expect(e.location).toBe('政协二楼会议室, 东楼');
    expect(e.description).toBe('会议类型：专题协商会\n议程：\n1. 通报; 2. 提问');
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(e.startDate.zone.tzid).toBe('UTC');
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(e.sequence).toBe(3);
    expect(first.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const alarm = first.getFirstSubcomponent('valarm')!;
    expect((alarm.getFirstPropertyValue('trigger') as InstanceType<typeof IcalModule.Duration>).toSeconds()).toBe(-3600);
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('formats UTC date-times in the basic format', () => {
    expect(utcDateTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});
