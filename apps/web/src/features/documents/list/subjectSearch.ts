import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MeetingRoutes, TopicRoutes } from '@xieshang/contracts';
import { api } from '../../../lib/api';

/** The title of a subject chosen before any search ran (it came with the page's URL). */
export function useSubjectTitle(kind: 'meeting' | 'topic', id: string | null | undefined): string | undefined {
  const { data } = useQuery({
    queryKey: ['documents', 'subject-title', kind, id],
    queryFn: async ({ signal }) =>
      kind === 'meeting'
        ? (await api(MeetingRoutes.getMeeting, { params: { id: id as string }, signal })).title
        : (await api(TopicRoutes.getTopic, { params: { id: id as string }, signal })).title,
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  return data;
}

/** Pick a meeting or a topic by typing part of its title. */
export function useSubjectSearch(kind: 'meeting' | 'topic', enabled: boolean) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const result = useQuery({
    queryKey: ['documents', 'subject', kind, q],
    queryFn: async ({ signal }) => {
      if (kind === 'meeting') {
        const page = await api(MeetingRoutes.listMeetings, { query: { q: q || undefined, pageSize: 20 }, signal });
        return page.items.map((m) => ({ value: m.id, label: m.title }));
      }
      const page = await api(TopicRoutes.listTopics, { query: { q: q || undefined, pageSize: 20 }, signal });
      return page.items.map((tp) => ({ value: tp.id, label: tp.title }));
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return { search, setSearch, options: result.data ?? [] };
}

/** Keep a preselected subject (from the URL) selectable before any search has run. */
export function withSelected(options: { value: string; label: string }[], selected: string | null, title: string | undefined) {
  return selected && !options.some((o) => o.value === selected) ? [...options, { value: selected, label: title ?? '…' }] : options;
}
