import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Topic } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { useOrgTime } from '../attendance/useOrgTime';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { ReportsLink } from '../documents/ReportsLink';
import { ScreeningPanel } from './ScreeningPanel';
import { TopicEditForm } from './TopicEditForm';
import { TopicStateBadge } from './TopicStateBadge';
import { useTopic } from './topicQueries';
import { useTopicMutations } from './useTopicMutations';

/** One topic: content, proposer and co-signers, support, the screening panel for the office, and its history. */
export function TopicDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const topic = useTopic(id);
  const m = useTopicMutations(id);
  const [editing, setEditing] = useState(false);

  if (topic.isError) return <ErrorState error={topic.error} onRetry={() => void topic.refetch()} />;
  const tp = topic.data;
  if (!tp) return null;
  const screener = hasPermission(user, 'topics.screen');
  const canSupport = hasPermission(user, 'topics.submit') && tp.proposerId !== user?.id && ['pooled', 'shortlisted'].includes(tp.state);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/topics" size="sm"><Group gap={4}><IconArrowLeft size={14} aria-hidden />{t('topics.detail.back')}</Group></Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{tp.title}</Title>
          <Group gap="xs" mt={6}>
            <TopicStateBadge state={tp.state} />
            <Badge variant="outline" color="gray">{t(`topics.source.${tp.source}`)}</Badge>
            <Badge variant="outline" color={tp.category === 'supervision' ? 'orange' : 'blue'}>{t(`topics.category.${tp.category}`)}</Badge>
            <Badge variant="outline" color="gray">{t(`topics.policyArea.${tp.policyArea}`)}</Badge>
            <Text size="sm" c="dimmed">{tp.year}</Text>
            {tp.planItemId && <Badge color="green">{t('topics.detail.inPlan')}</Badge>}
          </Group>
        </div>
        <Group gap="xs">
          {tp.state === 'selected' && <ReportsLink topicId={tp.id} />}
          {tp.canEdit && !editing && <Button variant="default" onClick={() => setEditing(true)}>{t('topics.detail.edit')}</Button>}
          {canSupport && (
            <Button leftSection={<IconThumbUp size={16} aria-hidden />} variant={tp.supportedByMe ? 'light' : 'filled'} onClick={() => m.support.mutate(!tp.supportedByMe)} loading={m.support.isPending} aria-pressed={tp.supportedByMe}>
              {tp.supportedByMe ? t('topics.detail.withdrawSupport') : t('topics.detail.support')}
            </Button>
          )}
        </Group>
      </Group>

      {tp.myCoSignState === 'invited' && (
        <Alert color="blue" title={t('topics.detail.coSignInvite', { name: tp.proposerName ?? '' })}>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => m.coSign.mutate('confirm')} loading={m.coSign.isPending}>{t('topics.detail.confirmCoSign')}</Button>
            <Button size="xs" variant="default" onClick={() => m.coSign.mutate('decline')}>{t('topics.detail.declineCoSign')}</Button>
          </Group>
        </Alert>
      )}
      {tp.mergedInto && (
        <Alert color="grape">{t('topics.detail.mergedInto')}<Anchor component={Link} to={`/topics/${tp.mergedInto.id}`}>{tp.mergedInto.title}</Anchor></Alert>
      )}
      {tp.rejectReason && <Alert color="red" title={t('topics.fields.rejectReason')}>{tp.rejectReason}</Alert>}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: screener ? 7 : 12 }}>
          <Stack gap="md">
            {editing ? <TopicEditForm topic={tp} onDone={() => setEditing(false)} /> : <TopicContent topic={tp} />}
            <TopicPeople topic={tp} />
            <TopicHistory topic={tp} />
          </Stack>
        </Grid.Col>
        {screener && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ScreeningPanel topic={tp} transition={m.transition} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

function TopicContent({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Text fw={600} size="sm">{t('topics.fields.summary')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{topic.summary}</Text>
        </div>
        <div>
          <Text fw={600} size="sm">{t('topics.fields.rationale')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{topic.rationale}</Text>
        </div>
      </Stack>
    </Paper>
  );
}

function TopicPeople({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const row = (label: string, value: string | null | undefined) => value ? <Text size="sm"><b>{label}：</b>{value}</Text> : null;
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        {row(t('topics.fields.proposer'), topic.proposerName ?? t('topics.detail.anonymous'))}
        {row(t('topics.fields.unit'), topic.unitName)}
        {row(t('topics.fields.sourceRef'), topic.sourceRef)}
        {row(t('topics.fields.call'), topic.callTitle)}
        {topic.contact && row(t('topics.fields.contact'), [topic.contact.phone, topic.contact.email].filter(Boolean).join(' · '))}
        {row(t('topics.fields.support'), t('topics.detail.supportCount', { count: topic.supportCount }))}
        <Text size="sm" fw={600} mt="xs">{t('topics.fields.coSigners')}</Text>
        {topic.coSigners.length === 0 && <Text size="sm" c="dimmed">{t('topics.detail.noCoSigners')}</Text>}
        <Group gap="xs">
          {topic.coSigners.map((c) => (
            <Badge key={c.userId} variant="light" color={c.state === 'confirmed' ? 'green' : c.state === 'declined' ? 'gray' : 'yellow'}>
              {c.name} · {t(`topics.detail.coSignState.${c.state}`)}
            </Badge>
          ))}
        </Group>
        {topic.mergedFrom.length > 0 && (
          <>
            <Text size="sm" fw={600} mt="xs">{t('topics.detail.mergedFrom')}</Text>
            {topic.mergedFrom.map((x) => <Anchor key={x.id} component={Link} to={`/topics/${x.id}`} size="sm">{x.title}</Anchor>)}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function TopicHistory({ topic }: { topic: Topic }) {
  const { t, i18n } = useTranslation();
  const time = useOrgTime();
  const label = (action: string) => (i18n.exists(`topics.action.${action}`) ? t(`topics.action.${action}`) : i18n.exists(`topics.event.${action}`) ? t(`topics.event.${action}`) : action);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Text fw={600} mb="sm" id="history-heading">{t('topics.detail.history')}</Text>
      <Timeline active={topic.history.length - 1} bulletSize={14} lineWidth={2}>
        {topic.history.map((e) => (
          <Timeline.Item key={e.id} title={e.toState && e.fromState !== e.toState ? `${label(e.action)} → ${t(`topics.state.${e.toState}`)}` : label(e.action)}>
            <Text size="xs" c="dimmed">{time.dateTime(e.at)} · {e.actorName ?? t('topics.detail.system')}</Text>
            {e.comment && <Text size="sm" mt={2}>{e.comment}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
