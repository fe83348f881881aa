import type { z } from 'zod';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { OutcomeRoutes, type AssignmentQuery, type Outcome, type OutcomeQuery, type PublicOutcomeQuery } from '@xieshang/contracts';
import { api } from '../../lib/api';

/** Every cached outcome query starts with this, so one invalidation refreshes list, detail, portal and dashboard. */
export const OUTCOMES_KEY = ['outcomes'] as const;
export const outcomeKey = (id: string) => [...OUTCOMES_KEY, 'one', id] as const;

export function useOutcomeList(query: Partial<OutcomeQuery>) {
  return useQuery({
    queryKey: [...OUTCOMES_KEY, 'list', query],
    queryFn: ({ signal }) => api(OutcomeRoutes.listOutcomes, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOutcome(id: string | undefined) {
  return useQuery({ queryKey: outcomeKey(id ?? ''), queryFn: ({ signal }) => api(OutcomeRoutes.getOutcome, { params: { id: id as string }, signal }), enabled: !!id });
}

export function useOutcomeSources(enabled: boolean) {
  return useQuery({ queryKey: [...OUTCOMES_KEY, 'sources'], queryFn: ({ signal }) => api(OutcomeRoutes.outcomeSources, { signal }), enabled });
}

export function useOutcomeStats(year: number | undefined) {
  return useQuery({
    queryKey: [...OUTCOMES_KEY, 'stats', year ?? 'all'],
    queryFn: ({ signal }) => api(OutcomeRoutes.outcomeStats, { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAssignments(query: Partial<AssignmentQuery>) {
  return useQuery({
    queryKey: [...OUTCOMES_KEY, 'assignments', query],
    queryFn: ({ signal }) => api(OutcomeRoutes.listAssignments, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicOutcomes(query: Partial<z.input<typeof PublicOutcomeQuery>>) {
  return useQuery({
    queryKey: ['public', 'outcomes', query],
    queryFn: ({ signal }) => api(OutcomeRoutes.listPublicOutcomes, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every write about an outcome answers with it (or one of its assignments): refresh what shows it. */
export function useRefreshOutcomes() {
  const client = useQueryClient();
  return (saved?: Outcome) => {
    if (saved) client.setQueryData(outcomeKey(saved.id), saved);
    void client.invalidateQueries({ queryKey: OUTCOMES_KEY });
  };
}
