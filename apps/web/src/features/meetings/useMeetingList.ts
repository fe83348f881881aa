import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { MeetingRoutes, type MeetingListQuery, type MeetingSummary } from '@xieshang/contracts';
import { api } from '../../lib/api';

export type MeetingQuery = Partial<z.input<typeof MeetingListQuery>>;
export const MEETINGS_KEY = ['meetings'] as const;
/** Every calendar and list query (not the open meeting, which the caller updates itself). */
export const MEETING_LISTS_KEY = [...MEETINGS_KEY, 'list'] as const;
/** The api's page limit; a month of meetings fits comfortably. */
const RANGE_PAGE_SIZE = 200;
export const LIST_PAGE_SIZE = 20;

const listKey = (query: MeetingQuery) => [...MEETING_LISTS_KEY, query] as const;
const fetchList = (query: MeetingQuery, signal?: AbortSignal) => api(MeetingRoutes.listMeetings, { query, signal });

/** Meetings overlapping [from, to) for the month and week grids. */
export function useMeetingsInRange(from: string, to: string, filters: MeetingQuery, enabled: boolean) {
  const query = { ...filters, from, to, page: 1, pageSize: RANGE_PAGE_SIZE };
  return useQuery({ queryKey: listKey(query), queryFn: ({ signal }) => fetchList(query, signal), placeholderData: keepPreviousData, enabled });
}

/** Upcoming meetings, soonest first (the api's order). */
export function useUpcomingMeetings(now: string, filters: MeetingQuery, page: number, enabled: boolean) {
  const query = { ...filters, from: now, page, pageSize: LIST_PAGE_SIZE };
  const result = useQuery({ queryKey: listKey(query), queryFn: ({ signal }) => fetchList(query, signal), placeholderData: keepPreviousData, enabled });
  return { items: result.data?.items ?? [], total: result.data?.total ?? 0, isLoading: result.isLoading, isFetching: result.isFetching, error: result.error, refetch: result.refetch };
}

/**
 * Past meetings, newest first. The api sorts by start time ascending, so page p of the newest-first
 * list is a slice near the end: read the total, then the one or two api pages holding that slice.
 */
export function usePastMeetings(now: string, filters: MeetingQuery, page: number, enabled: boolean) {
  const base = { ...filters, to: now };
  const countQuery = { ...base, page: 1, pageSize: 1 };
  const count = useQuery({ queryKey: listKey(countQuery), queryFn: ({ signal }) => fetchList(countQuery, signal), enabled });
  const total = count.data?.total ?? 0;
  const hi = Math.max(0, total - (page - 1) * LIST_PAGE_SIZE); // exclusive, ascending index
  const lo = Math.max(0, total - page * LIST_PAGE_SIZE);
  const firstApiPage = Math.floor(lo / LIST_PAGE_SIZE) + 1;
  const lastApiPage = Math.max(firstApiPage, Math.floor((hi - 1) / LIST_PAGE_SIZE) + 1);
  const apiPages = hi > lo ? Array.from({ length: lastApiPage - firstApiPage + 1 }, (_, i) => firstApiPage + i) : [];
  const pages = useQueries({
    queries: apiPages.map((p) => {
      const query = { ...base, page: p, pageSize: LIST_PAGE_SIZE };
      return { queryKey: listKey(query), queryFn: ({ signal }: { signal: AbortSignal }) => fetchList(query, signal), enabled: enabled && count.isSuccess };
    }),
  });
  const rows: MeetingSummary[] = pages.flatMap((p) => p.data?.items ?? []);
  const offset = (firstApiPage - 1) * LIST_PAGE_SIZE;
  const items = pages.every((p) => p.isSuccess) ? rows.slice(lo - offset, hi - offset).reverse() : [];
  const error = count.error ?? pages.find((p) => p.error)?.error ?? null;
  return {
    items,
    total,
    isLoading: count.isLoading || pages.some((p) => p.isLoading),
    isFetching: count.isFetching || pages.some((p) => p.isFetching),
    error,
    refetch: () => {
      void count.refetch();
      for (const p of pages) void p.refetch();
    },
  };
}

