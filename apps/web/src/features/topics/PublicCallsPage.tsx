import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TopicRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { DEFAULT_TIME_ZONE, orgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PublicShell } from './PublicShell';

/** The calls open now; the office usually shares a call's own link, this page is the fallback. */
export function PublicCallsPage() {
  const { t, i18n } = useTranslation();
  const time = orgTime(DEFAULT_TIME_ZONE, i18n.language);
  const q = useQuery({ queryKey: ['public', 'calls'], queryFn: () => api(TopicRoutes.listOpenTopicCalls) });
  return (
    <PublicShell>
      <Stack>
        <Title order={1} size="h2">{t('topics.public.calls')}</Title>
        {q.isError && <ErrorState error={q.error} />}
        {q.data?.length === 0 && <Alert color="gray">{t('topics.public.noCalls')}</Alert>}
        {q.data?.map((c) => (
          <Card key={c.id} withBorder component={Link} to={`/call/${c.id}`}>
            <Text fw={600}>{c.title}</Text>
            <Text size="sm" c="dimmed">{t('topics.public.open', { from: time.dateTime(c.opensAt), to: time.dateTime(c.closesAt) })}</Text>
          </Card>
        ))}
      </Stack>
    </PublicShell>
  );
}
