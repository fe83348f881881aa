import { useState } from 'react';
import { Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SimilarTopic, Topic } from '@xieshang/contracts';
import { ReasonDialog } from './ReasonDialog';
import { TopicStateBadge } from './TopicStateBadge';
import { useSimilarTopics } from './topicQueries';
import type { useTopicMutations } from './useTopicMutations';

/** pg_trgm suggestions while screening, each with a one-click merge of this topic into it. */
export function SimilarTopics({ topic, transition }: { topic: Topic; transition: ReturnType<typeof useTopicMutations>['transition'] }) {
  const { t } = useTranslation();
  const canMerge = topic.allowedActions.includes('merge');
  const similar = useSimilarTopics(topic.id, true);
  const [target, setTarget] = useState<SimilarTopic | null>(null);

  return (
    <Stack gap="xs" aria-labelledby="similar-heading">
      <Text fw={600} id="similar-heading">{t('topics.detail.similar')}</Text>
      <Text size="xs" c="dimmed">{t('topics.detail.similarHint')}</Text>
      {similar.isLoading && <Loader size="sm" />}
      {similar.data?.length === 0 && <Text size="sm" c="dimmed">{t('topics.detail.noSimilar')}</Text>}
      {similar.data?.map((s) => (
        <Group key={s.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start" data-testid="similar-topic">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/topics/${s.id}`} size="sm" fw={500}>{s.title}</Anchor>
            <Group gap={6} mt={2}>
              <TopicStateBadge state={s.state} />
              <Text size="xs" c="dimmed">{t('topics.detail.similarity', { value: Math.round(s.similarity * 100) })}</Text>
            </Group>
          </div>
          {canMerge && (
            <Button size="xs" variant="light" color="grape" onClick={() => setTarget(s)} aria-label={`${t('topics.detail.mergeInto')}：${s.title}`}>
              {t('topics.detail.mergeInto')}
            </Button>
          )}
        </Group>
      ))}
      <ReasonDialog
        opened={!!target}
        title={t('topics.action.merge')}
        message={target ? t('topics.detail.mergeConfirm', { source: topic.title, target: target.title }) : ''}
        label={t('topics.detail.comment')}
        required={false}
        confirmLabel={t('topics.action.merge')}
        pending={transition.isPending}
        error={transition.error}
        onConfirm={(comment) => target && transition.mutate({ action: 'merge', targetId: target.id, comment: comment || undefined }, { onSuccess: () => setTarget(null) })}
        onClose={() => setTarget(null)}
      />
    </Stack>
  );
}
