import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TopicRoutes, type TopicCall } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { useOrgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TOPIC_CALLS_KEY, TopicCallFormModal } from './TopicCallFormModal';

/** The office's public calls: dates, limit, how many topics came in, and the link to share. */
export function TopicCallsPage() {
  const { t } = useTranslation();
  const time = useOrgTime();
  const calls = useQuery({ queryKey: TOPIC_CALLS_KEY, queryFn: () => api(TopicRoutes.listTopicCalls) });
  const [editing, setEditing] = useState<TopicCall | null>(null);
  const [creating, setCreating] = useState(false);
  const linkOf = (c: TopicCall) => `${window.location.origin}/call/${c.id}`;

  return (
    <>
      <PageHeader title={t('topics.calls.title')} description={t('topics.calls.description')}
        actions={<Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>{t('topics.calls.new')}</Button>} />
      {calls.isError && <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />}
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('topics.calls.name')}</Table.Th>
              <Table.Th>{t('topics.calls.opensAt')}</Table.Th>
              <Table.Th>{t('topics.calls.closesAt')}</Table.Th>
              <Table.Th>{t('topics.calls.limit')}</Table.Th>
              <Table.Th ta="right">{t('topics.calls.topics')}</Table.Th>
              <Table.Th>{t('topics.calls.link')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.data?.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fw={500}>{c.title}</Text>
                  <Badge size="sm" variant="light" color={c.isOpen ? 'green' : 'gray'}>{c.isOpen ? t('topics.calls.open') : t('topics.calls.notOpen')}</Badge>
                </Table.Td>
                <Table.Td>{time.dateTime(c.opensAt)}</Table.Td>
                <Table.Td>{time.dateTime(c.closesAt)}</Table.Td>
                <Table.Td>{c.effectiveMaxTopicsPerPerson}</Table.Td>
                <Table.Td ta="right"><Anchor component={Link} to={`/topics?source=public_call`}>{c.topicCount}</Anchor></Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Anchor component={Link} to={`/call/${c.id}`} size="sm" target="_blank">/call/{c.id.slice(0, 8)}…</Anchor>
                    <CopyButton value={linkOf(c)}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? t('topics.calls.copied') : t('topics.calls.copy')}>
                          <ActionIcon variant="subtle" onClick={copy} aria-label={t('topics.calls.copy')}>{copied ? <IconCheck size={16} /> : <IconCopy size={16} />}</ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td><Button size="xs" variant="default" onClick={() => setEditing(c)}>{t('topics.calls.edit')}</Button></Table.Td>
              </Table.Tr>
            ))}
            {calls.data?.length === 0 && (
              <Table.Tr><Table.Td colSpan={7}><Text c="dimmed" ta="center" py="md">{t('topics.calls.empty')}</Text></Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TopicCallFormModal opened={creating || !!editing} call={editing} onClose={() => { setCreating(false); setEditing(null); }} />
    </>
  );
}
