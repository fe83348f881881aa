import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TopicSummary } from '@xieshang/contracts';
import { useOrgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TopicStateBadge } from './TopicStateBadge';
import { useMyTopics } from './topicQueries';
import { useTopicMutations } from './useTopicMutations';

/** What I proposed or co-signed and where each stands; invitations to co-sign first. Cards, for phones. */
export function MyTopicsPage() {
  const { t } = useTranslation();
  const q = useMyTopics();
  return (
    <>
      <PageHeader title={t('topics.mine.title')} description={t('topics.mine.description')}
        actions={<Button component={Link} to="/topics/new" leftSection={<IconPlus size={16} aria-hidden />}>{t('topics.board.newTopic')}</Button>} />
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Stack gap="lg">
          {q.data.coSignRequests.length > 0 && (
            <Stack gap="xs" component="section" aria-labelledby="cosign-heading">
              <Title order={3} size="h4" id="cosign-heading">{t('topics.mine.requests')}</Title>
              {q.data.coSignRequests.map((r) => <CoSignRequest key={r.id} topic={r} />)}
            </Stack>
          )}
          <Stack gap="xs" component="section">
            {q.data.topics.length === 0 && <Text c="dimmed">{t('topics.mine.empty')}</Text>}
            {q.data.topics.map((tp) => <MyTopicCard key={tp.id} topic={tp} role={tp.role} />)}
          </Stack>
        </Stack>
      )}
    </>
  );
}

function MyTopicCard({ topic, role }: { topic: TopicSummary; role: 'proposer' | 'co_signer' }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/topics/${topic.id}`} fw={600}>{topic.title}</Anchor>
          <Text size="xs" c="dimmed">{t(`topics.source.${topic.source}`)} · {time.dateTime(topic.createdAt)} · {t('topics.detail.supportCount', { count: topic.supportCount })}</Text>
        </div>
        <Stack gap={4} align="flex-end">
          <TopicStateBadge state={topic.state} />
          <Badge variant="outline" color="gray" size="sm">{t(`topics.mine.role.${role}`)}</Badge>
        </Stack>
      </Group>
    </Card>
  );
}

function CoSignRequest({ topic }: { topic: TopicSummary }) {
  const { t } = useTranslation();
  const { coSign } = useTopicMutations(topic.id);
  return (
    <Card withBorder padding="sm" bg="blue.0">
      <Text size="sm">{t('topics.detail.coSignInvite', { name: topic.proposerName ?? '' })}</Text>
      <Anchor component={Link} to={`/topics/${topic.id}`} fw={600}>{topic.title}</Anchor>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={() => coSign.mutate('confirm')} loading={coSign.isPending && coSign.variables === 'confirm'}>{t('topics.detail.confirmCoSign')}</Button>
        <Button size="xs" variant="default" onClick={() => coSign.mutate('decline')} loading={coSign.isPending && coSign.variables === 'decline'}>{t('topics.detail.declineCoSign')}</Button>
      </Group>
    </Card>
  );
}
