import { useSearchParams } from 'react-router';
import { OUTCOME_STATES, type OutcomeQuery, type OutcomeState } from '@xieshang/contracts';

export const OUTCOME_PAGE_SIZE = 50;

/** The list's filters live in the URL (the dashboard links to ?overdue=true; a filtered view can be shared). */
export function useOutcomeListParams() {
  const [sp, setSp] = useSearchParams();
  const year = Number(sp.get('year'));
  const state = sp.get('state');
  const filters = {
    q: sp.get('q') ?? '',
    state: state && (OUTCOME_STATES as readonly string[]).includes(state) ? (state as OutcomeState) : undefined,
    year: Number.isInteger(year) && year > 2000 ? year : undefined,
    overdue: sp.get('overdue') === 'true',
    page: Math.max(1, Number(sp.get('page')) || 1),
  };
  const update = (patch: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.state) out.set('state', next.state);
    if (next.year) out.set('year', String(next.year));
    if (next.overdue) out.set('overdue', 'true');
    if (next.page > 1) out.set('page', String(next.page));
    setSp(out, { replace: true });
  };
  const query: Partial<OutcomeQuery> = {
    q: filters.q || undefined,
    state: filters.state,
    year: filters.year,
    overdue: filters.overdue ? 'true' : undefined,
    page: filters.page,
    pageSize: OUTCOME_PAGE_SIZE,
  };
  return { filters, update, query };
}
