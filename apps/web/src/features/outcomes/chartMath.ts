/** The arithmetic behind the dashboard's bar charts, kept apart from the drawing so it can be tested. */

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartRow {
  key: string;
  label: string;
  /** series key → count */
  values: Readonly<Record<string, number>>;
}

export interface BarSegment {
  key: string;
  label: string;
  value: number;
  color: string;
  x: number;
  width: number;
}

export const rowTotal = (row: ChartRow): number => Object.values(row.values).reduce((a, b) => a + (b > 0 ? b : 0), 0);

/**
 * The rectangles of one stacked bar: each series in order, scaled so that `max` fills `plotWidth`.
 * Empty series draw nothing; negative counts (never expected) count as zero.
 */
export function barSegments(row: ChartRow, series: readonly ChartSeries[], max: number, plotWidth: number): BarSegment[] {
  const scale = max > 0 ? plotWidth / max : 0;
  const out: BarSegment[] = [];
  let x = 0;
  for (const s of series) {
    const value = Math.max(0, row.values[s.key] ?? 0);
    if (value === 0) continue;
    const width = value * scale;
    out.push({ key: s.key, label: s.label, value, color: s.color, x, width });
    x += width;
  }
  return out;
}

/** "66.7%"; a share of nothing is shown as a dash rather than 0%. */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}
