import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Speech, SpeechAction, SpeechState } from '@xieshang/contracts';
import { errorText } from '../../lib/errors';
import { ReplyReasonModal } from '../attendance/ReplyReasonModal';
import { SpeechCard } from './SpeechCard';
import { useTransitionSpeech } from './useSpeeches';

/** What the office works through first comes first. */
const GROUP_ORDER: SpeechState[] = ['submitted', 'in_review', 'needs_revision', 'oral', 'written_only', 'diverted', 'draft'];
const REVIEW_ACTIONS: SpeechAction[] = ['start_review', 'accept_oral', 'accept_written', 'request_revision', 'divert'];
/** The author must be told why (the machine requires a comment). */
const NEEDS_COMMENT = new Set<SpeechAction>(['request_revision', 'divert']);

/** The office's view: every speech grouped by state, with the review actions each allows. */
export function SpeechReviewBoard({ meetingId, speeches }: { meetingId: string; speeches: Speech[] }) {
  const { t } = useTranslation();
  const transition = useTransitionSpeech(meetingId);
  const [commenting, setCommenting] = useState<{ speech: Speech; action: SpeechAction } | null>(null);
  const groups = GROUP_ORDER.map((state) => ({ state, items: speeches.filter((s) => s.state === state) })).filter((g) => g.items.length > 0);

  const act = (speech: Speech, action: SpeechAction) => {
    transition.reset();
    if (NEEDS_COMMENT.has(action)) setCommenting({ speech, action });
    else transition.mutate({ speech, action });
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="speech-review-title">
      <Title order={3} size="h4" id="speech-review-title">{t('speeches.review.title')}</Title>
      {transition.error != null && !commenting && <Alert color="red" role="alert">{errorText(t, transition.error)}</Alert>}
      {groups.length === 0 && <Text c="dimmed" size="sm">{t('speeches.review.empty')}</Text>}
      {groups.map((g) => (
        <Stack key={g.state} gap="xs" component="section" aria-label={t(`speeches.state.${g.state}`)}>
          <Group gap="xs">
            <Title order={4} size="h6">{t(`speeches.state.${g.state}`)}</Title>
            <Badge size="sm" variant="default">{g.items.length}</Badge>
          </Group>
          {g.items.map((s) => (
            <SpeechCard
              key={s.id}
              speech={s}
              showAuthor
              actions={REVIEW_ACTIONS.filter((a) => s.allowedActions.includes(a)).map((a) => (
                <Button
                  key={a}
                  size="xs"
                  variant={a === 'accept_oral' ? 'filled' : 'default'}
                  loading={transition.isPending && transition.variables?.speech.id === s.id && transition.variables.action === a}
                  onClick={() => act(s, a)}
                  aria-label={t('speeches.review.actionNamed', { action: t(`speeches.action.${a}`), title: s.title })}
                >
                  {t(`speeches.action.${a}`)}
                </Button>
              ))}
            />
          ))}
        </Stack>
      ))}
      <ReplyReasonModal
        opened={!!commenting}
        title={commenting ? t(`speeches.action.${commenting.action}`) : ''}
        description={commenting?.speech.title}
        label={t('speeches.review.comment')}
        confirmLabel={commenting ? t(`speeches.action.${commenting.action}`) : ''}
        required
        requiredMessage={t('speeches.review.commentRequired')}
        loading={transition.isPending}
        error={transition.error}
        onConfirm={(comment) =>
          commenting && transition.mutate({ ...commenting, comment }, { onSuccess: () => setCommenting(null) })
        }
        onClose={() => setCommenting(null)}
      />
    </Stack>
  );
}
