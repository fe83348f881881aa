import type { Adoption, AdoptionBucket } from '@xieshang/contracts';

export interface AdoptionRow {
  key: string;
  label: string;
  adoption: Adoption;
}

/**
 * Count adoptions per key. Rate = (adopted + partly) / all counted, the way offices report 采纳率;
 * buckets come sorted by key so charts and tests see a stable order.
 */
export function adoptionBuckets(rows: readonly AdoptionRow[]): AdoptionBucket[] {
  const byKey = new Map<string, AdoptionBucket>();
  for (const r of rows) {
    const b = byKey.get(r.key) ?? { key: r.key, label: r.label, adopted: 0, partly: 0, under_study: 0, not_adopted: 0, total: 0, rate: 0 };
    b[r.adoption] += 1;
    b.total += 1;
    byKey.set(r.key, b);
  }
  return [...byKey.values()]
    .map((b) => ({ ...b, rate: b.total === 0 ? 0 : Math.round(((b.adopted + b.partly) / b.total) * 1000) / 1000 }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
