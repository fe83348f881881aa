import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CoreRoutes, type Role } from '@xieshang/contracts';
import { api } from '../../lib/api';

export interface PersonOption {
  value: string;
  label: string;
}

/** People matching a typed name (GET /members?q=), debounced; optionally of one role. */
export function usePeopleSearch(role?: Role) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const result = useQuery({
    queryKey: ['members', 'pick', role ?? null, q],
    queryFn: ({ signal }) => api(CoreRoutes.listMembers, { query: { q: q || undefined, role, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
    enabled: q.length > 0,
    staleTime: 60_000,
  });
  const options: PersonOption[] = (result.data?.items ?? []).map((m) => ({
    value: m.id,
    label: [m.name, m.sectorName ?? m.departmentName].filter(Boolean).join(' · '),
  }));
  return { search, setSearch, options, loading: result.isFetching };
}

/** Everyone holding a role (e.g. the chairs who may host), for a plain Select. */
export function useRoleMembers(role: Role, enabled = true) {
  const { data } = useQuery({
    queryKey: ['members', 'role', role],
    queryFn: ({ signal }) => api(CoreRoutes.listMembers, { query: { role, pageSize: 200 }, signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
  return (data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
}
