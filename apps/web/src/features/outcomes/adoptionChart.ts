import type { TFunction } from 'i18next';
import { ADOPTIONS, type AdoptionBucket } from '@xieshang/contracts';
import type { ChartRow, ChartSeries } from './chartMath';

/** Greens for what was taken up, blue for still under study, red for not adopted: the usual reading. */
const COLORS = { adopted: '#2f9e44', partly: '#8ce99a', under_study: '#4dabf7', not_adopted: '#fa5252' } as const;

export function adoptionSeries(t: TFunction): ChartSeries[] {
  return ADOPTIONS.map((a) => ({ key: a, label: t(`outcomes.adoption.${a}`), color: COLORS[a] }));
}

/** "66.7%" from the api's rate (0..1, rounded there); a dash when nothing was counted. */
export const rateText = (b: Pick<AdoptionBucket, 'rate' | 'total'>) => (b.total === 0 ? '—' : `${Math.round(b.rate * 1000) / 10}%`);

export function adoptionRows(buckets: readonly AdoptionBucket[], label: (b: AdoptionBucket) => string = (b) => b.label): (ChartRow & { bucket: AdoptionBucket })[] {
  return buckets.map((b) => ({
    key: b.key,
    label: label(b),
    values: { adopted: b.adopted, partly: b.partly, under_study: b.under_study, not_adopted: b.not_adopted },
    bucket: b,
  }));
}

/** What a screen reader hears instead of the drawing: every group with its rate and count. */
export function adoptionSummary(t: TFunction, title: string, rows: readonly (ChartRow & { bucket: AdoptionBucket })[]): string {
  if (rows.length === 0) return title;
  return t('outcomes.dashboard.summary', {
    title,
    rows: rows.map((r) => t('outcomes.dashboard.summaryRow', { label: r.label, rate: rateText(r.bucket), total: r.bucket.total })).join('；'),
  });
}
