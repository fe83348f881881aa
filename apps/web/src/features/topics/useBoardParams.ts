import { useSearchParams } from 'react-router';
import { POLICY_AREAS, TOPIC_CATEGORIES, TOPIC_SORTS, TOPIC_SOURCES, TOPIC_STATES, type TopicListQuery } from '@xieshang/contracts';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const manyOf = <T extends string>(list: readonly T[], v: string | null): T[] => (v ? v.split(',').filter((x): x is T => (list as readonly string[]).includes(x)) : []);

export const BOARD_PAGE_SIZE = 50;

/** The board's filters live in the URL, so a filtered view can be bookmarked or sent to a colleague. */
export function useBoardParams() {
  const [sp, setSp] = useSearchParams();
  const year = Number(sp.get('year'));
  const filters = {
    q: sp.get('q') ?? '',
    state: manyOf(TOPIC_STATES, sp.get('state')),
    source: manyOf(TOPIC_SOURCES, sp.get('source')),
    category: oneOf(TOPIC_CATEGORIES, sp.get('category')),
    policyArea: oneOf(POLICY_AREAS, sp.get('policyArea')),
    year: Number.isInteger(year) && year > 2000 ? year : undefined,
    sort: oneOf(TOPIC_SORTS, sp.get('sort')) ?? 'newest',
    page: Math.max(1, Number(sp.get('page')) || 1),
  };
  const update = (patch: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.state.length) out.set('state', next.state.join(','));
    if (next.source.length) out.set('source', next.source.join(','));
    if (next.category) out.set('category', next.category);
    if (next.policyArea) out.set('policyArea', next.policyArea);
    if (next.year) out.set('year', String(next.year));
    if (next.sort !== 'newest') out.set('sort', next.sort);
    if (next.page > 1) out.set('page', String(next.page));
    setSp(out, { replace: true });
  };
  const query: Partial<TopicListQuery> = {
    q: filters.q || undefined,
    state: filters.state.length ? filters.state : undefined,
    source: filters.source.length ? filters.source : undefined,
    category: filters.category,
    policyArea: filters.policyArea,
    year: filters.year,
    sort: filters.sort,
    page: filters.page,
    pageSize: BOARD_PAGE_SIZE,
  };
  return { filters, update, query };
}
