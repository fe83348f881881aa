import { DutyRules, type DutyLine } from '@xieshang/contracts';

/** Where a line's source lives in the app; manual entries have no page of their own. */
export function sourceHref(line: Pick<DutyLine, 'source'>): string | null {
  const s = line.source;
  switch (s.type) {
    case 'meeting':
      return `/meetings/${s.id}`;
    case 'speech':
    case 'speaking_log':
      return s.meetingId ? `/meetings/${s.meetingId}` : null;
    case 'topic':
      return `/topics/${s.id}`;
    case 'document':
      return `/documents/${s.id}`;
    default:
      return null;
  }
}

/** "+2", "−30" (a real minus sign, read as "minus" by screen readers), "0", "+0.5". */
export function formatPoints(n: number): string {
  if (n === 0) return '0';
  const abs = Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(1);
  return `${n > 0 ? '+' : '−'}${abs}`;
}

/** Scores print without a trailing ".0": 70, 63.5. */
export const formatScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * Check a draft of the rules with the same schema the api uses; field path ("points.speech_given",
 * "bonusCap") → the first problem there, so the editor can mark the fields before sending.
 */
export function rulesProblems(draft: unknown): Map<string, string> {
  const parsed = DutyRules.safeParse(draft);
  const out = new Map<string, string>();
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (!out.has(path)) out.set(path, issue.code === 'not_multiple_of' ? 'halfPoints' : issue.code === 'too_small' ? 'tooSmall' : issue.code === 'too_big' ? 'tooBig' : path === 'minScore' ? 'minAboveBase' : 'invalid');
  }
  return out;
}
