import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CoreRoutes, type SessionUser } from '@xieshang/contracts';
import { api, isApiError } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';

async function fetchMe(): Promise<SessionUser | null> {
  try {
    return await api(CoreRoutes.me);
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

/** The logged-in user (`null` when logged out, `undefined` while loading). */
export function useSession() {
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
  return { user: query.data, isLoading: query.isLoading, error: query.error };
}

export function useSetSession() {
  const client = useQueryClient();
  return (user: SessionUser | null) => client.setQueryData(ME_KEY, user);
}
