import { useState } from 'react';
import { Button, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Topic, TopicAction } from '@xieshang/contracts';
import { ReasonDialog } from './ReasonDialog';
import { SimilarTopics } from './SimilarTopics';
import type { useTopicMutations } from './useTopicMutations';

/** Buttons for the transitions libs/domain allows this viewer now; reject and reopen ask for their text. */
export function ScreeningPanel({ topic, transition }: { topic: Topic; transition: ReturnType<typeof useTopicMutations>['transition'] }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<'reject' | 'reopen' | null>(null);
  const direct = topic.allowedActions.filter((a): a is Exclude<TopicAction, 'merge' | 'reject' | 'reopen'> => a !== 'merge' && a !== 'reject' && a !== 'reopen');
  const showSimilar = !['merged', 'rejected', 'not_selected'].includes(topic.state);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="screening-heading">
      <Stack gap="sm">
        <Text fw={600} id="screening-heading">{t('topics.detail.screening')}</Text>
        <Group gap="xs">
          {direct.map((a) => (
            <Button key={a} size="sm" variant={a === 'shortlist' || a === 'pool' ? 'filled' : 'light'} onClick={() => transition.mutate({ action: a })} loading={transition.isPending && transition.variables?.action === a}>
              {t(`topics.action.${a}`)}
            </Button>
          ))}
          {topic.allowedActions.includes('reject') && <Button size="sm" color="red" variant="light" onClick={() => setAsking('reject')}>{t('topics.action.reject')}</Button>}
          {topic.allowedActions.includes('reopen') && <Button size="sm" variant="light" onClick={() => setAsking('reopen')}>{t('topics.action.reopen')}</Button>}
        </Group>
        {showSimilar && (
          <>
            <Divider />
            <SimilarTopics topic={topic} transition={transition} />
          </>
        )}
      </Stack>
      <ReasonDialog
        opened={!!asking}
        title={asking ? t(`topics.action.${asking}`) : ''}
        label={asking === 'reject' ? t('topics.reject.reason') : t('topics.detail.reopenComment')}
        hint={asking === 'reject' ? t('topics.reject.reasonHint') : undefined}
        confirmLabel={asking ? t(`topics.action.${asking}`) : ''}
        danger={asking === 'reject'}
        pending={transition.isPending}
        error={transition.error}
        onConfirm={(text) =>
          transition.mutate(asking === 'reject' ? { action: 'reject', reason: text } : { action: 'reopen', comment: text }, { onSuccess: () => setAsking(null) })
        }
        onClose={() => setAsking(null)}
      />
    </Paper>
  );
}
