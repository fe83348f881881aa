import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CoreRoutes, type MemberListQuery } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { useUrlSearch } from '../../lib/useUrlSearch';

export type MemberFilterKey = 'sectorId' | 'committeeId' | 'departmentId' | 'role' | 'active';
export const PAGE_SIZE = 20;

/**
 * Search, filters and page live in the URL, so the back button, reloads and shared links keep
 * them. The search box is debounced before it reaches the URL and the API.
 */
export function useMemberSearch(defaults: Partial<Record<MemberFilterKey, string>> = {}) {
  const { params, update, q, setQ } = useUrlSearch();

  const filter = (key: MemberFilterKey) => params.get(key) ?? defaults[key] ?? null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = {
    q: params.get('q') || undefined,
    sectorId: filter('sectorId') ?? undefined,
    committeeId: filter('committeeId') ?? undefined,
    departmentId: filter('departmentId') ?? undefined,
    role: (filter('role') ?? undefined) as MemberListQuery['role'],
    active: (filter('active') ?? undefined) as MemberListQuery['active'] | undefined,
    page,
    pageSize: PAGE_SIZE,
  };

  const result = useQuery({
    queryKey: ['members', 'list', query],
    queryFn: ({ signal }) => api(CoreRoutes.listMembers, { query, signal }),
    placeholderData: keepPreviousData,
  });

  return {
    q,
    setQ,
    filter,
    setFilter: (key: MemberFilterKey, value: string | null) => update({ [key]: value }),
    page,
    setPage: (p: number) => update({ page: p === 1 ? null : String(p) }),
    result,
  };
}
