import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { CoreRoutes, type MemberListQuery } from '@xieshang/contracts';
import { api } from '../../lib/api';

export type MemberFilterKey = 'sectorId' | 'committeeId' | 'departmentId' | 'role' | 'active';
export const PAGE_SIZE = 20;

/**
 * Search, filters and page live in the URL, so the back button, reloads and shared links keep
 * them. The search box is debounced before it reaches the URL and the API.
 */
export function useMemberSearch(defaults: Partial<Record<MemberFilterKey, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedQ) update({ q: debouncedQ });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);

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
