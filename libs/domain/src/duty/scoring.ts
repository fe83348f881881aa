import { DUTY_EVENT_KINDS, type DutyEventKind, type DutyKindTotal, type DutyLine, type DutyRules, type DutyScore, type DutySource } from '@xieshang/contracts';

/** One credited event as read from the tables, before scoring. */
export interface DutyEvent {
  kind: DutyEventKind;
  /** ISO time; orders the lines and decides which events a cap cuts (the later ones) */
  occurredAt: string;
  meetingTypeCode?: string | null;
  source: DutySource;
  /** manual entries only: the points the office gave */
  points?: number;
  note?: string | null;
}

export interface DutyScoreResult {
  score: DutyScore;
  kinds: DutyKindTotal[];
  lines: DutyLine[];
}

const KIND_ORDER = new Map(DUTY_EVENT_KINDS.map((k, i) => [k, i]));

/** What the rules give one event: a meeting type's own figure first, then the kind's, manual entries their own. */
export function dutyPoints(rules: DutyRules, e: Pick<DutyEvent, 'kind' | 'meetingTypeCode' | 'points'>): number {
  if (e.kind === 'manual') return e.points ?? 0;
  const byType = e.meetingTypeCode ? (rules.meetingTypePoints[e.meetingTypeCode] as Partial<Record<DutyEventKind, number>> | undefined) : undefined;
  return byType?.[e.kind] ?? rules.points[e.kind];
}

/**
 * A total order on events that does not depend on the order the database returned them in, so the
 * same rows and rules always give the same lines, the same caps and the same score.
 */
export function compareDutyEvents(a: DutyEvent, b: DutyEvent): number {
  return (
    a.occurredAt.localeCompare(b.occurredAt) ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    a.source.type.localeCompare(b.source.type) ||
    a.source.id.localeCompare(b.source.id)
  );
}

/**
 * Score a member's year: (rules, events) → score and one line per event with the points the rules
 * give it and what it counted for. Pure and deterministic: recomputing after a rule change is calling
 * this again with the new rules.
 *
 * - Bonus lines are taken in time order; a kind's cap, then the total bonus cap, cut the line that
 *   crosses it and zero the ones after (the line says which cap).
 * - Deductions are never cut by bonus caps, only by the deduction cap.
 * - total = base + bonus − deductions, never below minScore. Without the floor the lines sum to the total.
 */
export function scoreDutyRecord(rules: DutyRules, events: readonly DutyEvent[]): DutyScoreResult {
  const ordered = [...events].sort(compareDutyEvents);
  const usedByKind = new Map<DutyEventKind, number>();
  let bonus = 0;
  let deductions = 0;
  let capped = false;

  const lines: DutyLine[] = ordered.map((e) => {
    const points = dutyPoints(rules, e);
    let awarded = points;
    let cappedBy: DutyLine['cappedBy'] = null;
    if (points > 0) {
      const kindCap = rules.kindCaps[e.kind];
      const kindLeft = kindCap === undefined ? Infinity : Math.max(0, kindCap - (usedByKind.get(e.kind) ?? 0));
      const bonusLeft = rules.bonusCap === null ? Infinity : Math.max(0, rules.bonusCap - bonus);
      awarded = Math.min(points, kindLeft, bonusLeft);
      if (awarded < points) cappedBy = kindLeft <= bonusLeft ? 'kind' : 'bonus';
      usedByKind.set(e.kind, (usedByKind.get(e.kind) ?? 0) + awarded);
      bonus += awarded;
    } else if (points < 0) {
      const left = rules.deductionCap === null ? Infinity : Math.max(0, rules.deductionCap - deductions);
      awarded = -Math.min(-points, left);
      if (awarded !== points) cappedBy = 'deduction';
      deductions += -awarded;
    }
    if (cappedBy === 'kind' || cappedBy === 'bonus') capped = true;
    return {
      kind: e.kind,
      occurredAt: e.occurredAt,
      meetingTypeCode: e.meetingTypeCode ?? null,
      source: e.source,
      note: e.note ?? null,
      points,
      // -0 would print as "-0"
      awarded: awarded === 0 ? 0 : awarded,
      cappedBy,
    };
  });

  const kinds: DutyKindTotal[] = DUTY_EVENT_KINDS.flatMap((kind) => {
    const of = lines.filter((l) => l.kind === kind);
    return of.length ? [{ kind, count: of.length, awarded: of.reduce((s, l) => s + l.awarded, 0) }] : [];
  });
  const total = Math.max(rules.minScore, rules.baseScore + bonus - deductions);
  return { score: { base: rules.baseScore, bonus, deductions, total, capped }, kinds, lines };
}

/**
 * Rank rows by total score, highest first; equal totals share a rank (1, 2, 2, 4) and keep the order
 * `tieBreak` gives them (the service passes name order), so the list is stable.
 */
export function rankByDutyScore<T extends { score: Pick<DutyScore, 'total'> }>(rows: readonly T[], tieBreak: (a: T, b: T) => number): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.score.total - a.score.total || tieBreak(a, b));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.score.total !== sorted[i - 1].score.total) rank = i + 1;
    return { ...row, rank };
  });
}
