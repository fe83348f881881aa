import type { ExportMeta } from './json';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** "2026-11-23 16:00" in the organisation's zone; anything not an ISO instant is shown as given. */
export function formatFinalizedAt(value: string, timeZone = 'Asia/Shanghai'): string {
  if (!ISO_WITH_ZONE.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    return value; // unknown time zone
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The lines every export prints under the content of a finalized copy (none when meta has neither). */
export function finalizedLines(meta: ExportMeta): string[] {
  const lines: string[] = [];
  if (meta.finalizedAt) lines.push(`定稿时间：${formatFinalizedAt(meta.finalizedAt, meta.timeZone)}`);
  if (meta.sha256) lines.push(`SHA-256：${meta.sha256}`);
  return lines;
}
