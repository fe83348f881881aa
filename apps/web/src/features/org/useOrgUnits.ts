import { useQuery } from '@tanstack/react-query';
import { CoreRoutes, type OrgKind } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const orgKey = (kind: OrgKind) => ['org', kind] as const;

export function useOrgUnits(kind: OrgKind, enabled = true) {
  return useQuery({ queryKey: orgKey(kind), queryFn: () => api(CoreRoutes.listOrgUnits, { params: { kind } }), enabled, staleTime: 5 * 60_000 });
}

/** `{value, label}` options for a Select. */
export function useOrgOptions(kind: OrgKind, enabled = true) {
  const { data } = useOrgUnits(kind, enabled);
  return (data ?? []).map((u) => ({ value: u.id, label: u.name }));
}
