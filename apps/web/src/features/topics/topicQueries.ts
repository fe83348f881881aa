import { useQuery } from '@tanstack/react-query';
import { TopicRoutes, type TopicListQuery } from '@xieshang/contracts';
import { api } from '../../lib/api';

/** Every cached topic query starts with this, so one invalidation refreshes board, detail and my topics. */
export const TOPICS_KEY = ['topics'] as const;
export const topicKey = (id: string) => [...TOPICS_KEY, 'one', id] as const;

export function useTopic(id: string | undefined) {
  return useQuery({ queryKey: topicKey(id ?? ''), queryFn: () => api(TopicRoutes.getTopic, { params: { id: id as string } }), enabled: !!id });
}

export function useTopicList(query: Partial<TopicListQuery>) {
  return useQuery({
    queryKey: [...TOPICS_KEY, 'list', query],
    queryFn: ({ signal }) => api(TopicRoutes.listTopics, { query, signal }),
    placeholderData: (prev) => prev,
  });
}

export function useSimilarTopics(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...TOPICS_KEY, 'similar', id], queryFn: () => api(TopicRoutes.similarTopics, { params: { id }, query: { limit: 5 } }), enabled });
}

export function useMyTopics() {
  return useQuery({ queryKey: [...TOPICS_KEY, 'mine'], queryFn: () => api(TopicRoutes.myTopics) });
}
