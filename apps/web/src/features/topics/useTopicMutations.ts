import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TopicRoutes, type Topic, type TopicTransitionInput } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { TOPICS_KEY, topicKey } from './topicQueries';

/** Transition, support and co-sign for one topic; each refreshes the topic and every list. */
export function useTopicMutations(id: string) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const done = (saved: Topic) => {
    client.setQueryData(topicKey(saved.id), saved);
    void client.invalidateQueries({ queryKey: TOPICS_KEY });
  };
  const failed = (e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) });

  const transition = useMutation({
    mutationFn: (body: TopicTransitionInput) => api(TopicRoutes.transitionTopic, { params: { id }, body }),
    onSuccess: (saved, body) => {
      done(saved);
      notifications.show({ color: 'green', message: t('topics.actionDone', { action: t(`topics.action.${body.action}`) }) });
    },
    onError: failed,
  });
  const support = useMutation({
    mutationFn: (on: boolean) => (on ? api(TopicRoutes.supportTopic, { params: { id } }) : api(TopicRoutes.withdrawSupport, { params: { id } })),
    onSuccess: done,
    onError: failed,
  });
  const coSign = useMutation({
    mutationFn: (decision: 'confirm' | 'decline') => api(TopicRoutes.replyCoSign, { params: { id }, body: { decision } }),
    onSuccess: done,
    onError: failed,
  });
  return { transition, support, coSign };
}
