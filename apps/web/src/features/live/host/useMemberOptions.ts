import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CoreRoutes, type Member, type Role } from '@xieshang/contracts';
import { api } from '../../../lib/api';

/** Directory search for the host's pickers (a hand for someone in the room, a department's answer). */
export function useMemberOptions(role: Role) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const result = useQuery({
    queryKey: ['live', 'member-options', role, q],
    queryFn: ({ signal }) => api(CoreRoutes.listMembers, { query: { q: q || undefined, role, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
  const members: Member[] = result.data?.items ?? [];
  const options = members.map((m) => ({
    value: m.id,
    label: [m.name, role === 'department' ? m.departmentName : m.sectorName].filter(Boolean).join(' · '),
  }));
  return { search, setSearch, options, members, loading: result.isFetching };
}
