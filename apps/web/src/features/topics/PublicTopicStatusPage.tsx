import { Alert, Anchor, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TopicRoutes } from '@xieshang/contracts';
import { api, isApiError } from '../../lib/api';
import { DEFAULT_TIME_ZONE, orgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PublicShell } from './PublicShell';
import { TopicStateBadge } from './TopicStateBadge';

/** Where a public-call topic stands: state, progress and the office's reason; never the contact. */
export function PublicTopicStatusPage() {
  const { t, i18n } = useTranslation();
  const { publicId = '' } = useParams();
  const time = orgTime(DEFAULT_TIME_ZONE, i18n.language);
  const q = useQuery({ queryKey: ['public', 'topic', publicId], queryFn: () => api(TopicRoutes.getPublicTopicStatus, { params: { publicId } }), retry: false });

  if (q.isError) {
    return (
      <PublicShell>
        {isApiError(q.error) && (q.error.status === 404 || q.error.status === 400) ? <Alert color="yellow" role="alert">{t('topics.public.notFound')}</Alert> : <ErrorState error={q.error} />}
      </PublicShell>
    );
  }
  const s = q.data;
  return (
    <PublicShell>
      {s && (
        <Stack>
          <Text c="dimmed" size="sm">{t('topics.public.statusTitle')} · {s.publicId}</Text>
          <Title order={1} size="h2">{s.title}</Title>
          <Group gap="xs">
            <TopicStateBadge state={s.state} />
            <Text size="sm" aria-live="polite">{t(`topics.publicState.${s.state}`)}</Text>
          </Group>
          {s.rejectReason && <Alert color="gray" title={t('topics.public.reason')}>{s.rejectReason}</Alert>}
          {s.mergedInto && (
            <Alert color="grape">
              {s.mergedInto.publicId ? (
                <Anchor component={Link} to={`/call/topics/${s.mergedInto.publicId}`}>{t('topics.public.mergedInto', { title: s.mergedInto.title })}</Anchor>
              ) : (
                t('topics.public.mergedInto', { title: s.mergedInto.title })
              )}
            </Alert>
          )}
          <Paper p="md" withBorder>
            <Stack gap={4}>
              {s.callTitle && <Text size="sm"><b>{t('topics.fields.call')}：</b>{s.callTitle}</Text>}
              {s.proposerName && <Text size="sm"><b>{t('topics.public.proposer')}：</b>{s.proposerName}</Text>}
              <Text size="sm"><b>{t('topics.public.submittedAt')}：</b>{time.dateTime(s.submittedAt)}</Text>
              <Text size="sm"><b>{t('topics.public.updatedAt')}：</b>{time.dateTime(s.updatedAt)}</Text>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{s.summary}</Text>
            </Stack>
          </Paper>
          <Title order={2} size="h4">{t('topics.public.timeline')}</Title>
          <Timeline active={s.history.length - 1} bulletSize={14} lineWidth={2}>
            {s.history.map((h, i) => (
              <Timeline.Item key={i} title={t(`topics.publicState.${h.toState}`)}>
                <Text size="xs" c="dimmed">{time.dateTime(h.at)}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </PublicShell>
  );
}
