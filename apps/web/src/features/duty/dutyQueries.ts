import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DutyRoutes, type DutyRankingQuery } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const DUTY_KEY = ['duty'] as const;
export const DUTY_RULES_KEY = ['duty', 'rules'] as const;

export function useMyDutyRecord(year: number) {
  return useQuery({ queryKey: [...DUTY_KEY, 'me', year], queryFn: ({ signal }) => api(DutyRoutes.myDutyRecord, { query: { year }, signal }), placeholderData: keepPreviousData });
}

export function useMemberDutyRecord(userId: string | null, year: number) {
  return useQuery({
    queryKey: [...DUTY_KEY, 'member', userId, year],
    queryFn: ({ signal }) => api(DutyRoutes.memberDutyRecord, { params: { id: userId! }, query: { year }, signal }),
    enabled: !!userId,
  });
}

export function useDutyRanking(filter: DutyRankingQuery) {
  return useQuery({ queryKey: [...DUTY_KEY, 'ranking', filter], queryFn: ({ signal }) => api(DutyRoutes.dutyRanking, { query: filter, signal }), placeholderData: keepPreviousData });
}

export function useDutyEntries(year: number, userId: string | null) {
  return useQuery({
    queryKey: [...DUTY_KEY, 'entries', year, userId],
    queryFn: ({ signal }) => api(DutyRoutes.listDutyEntries, { query: { year, userId: userId! }, signal }),
    enabled: !!userId,
  });
}

export function useDutyRules() {
  return useQuery({ queryKey: DUTY_RULES_KEY, queryFn: ({ signal }) => api(DutyRoutes.getDutyRules, { signal }) });
}
