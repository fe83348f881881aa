import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError';

export const ME_KEY = ['auth', 'me'] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (e) => {
        // A session that expires mid-use sends the user back to the login page.
        if (isApiError(e) && e.status === 401) client.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
