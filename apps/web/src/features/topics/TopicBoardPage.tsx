import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TopicRoutes, type TopicBulkInput } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { api } from '../../lib/api';
import { useOrgTime } from '../attendance/useOrgTime';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { ReasonDialog } from './ReasonDialog';
import { TopicFilters } from './TopicFilters';
import { TopicStateBadge } from './TopicStateBadge';
import { TOPICS_KEY, useTopicList } from './topicQueries';
import { BOARD_PAGE_SIZE, useBoardParams } from './useBoardParams';

type BulkAction = TopicBulkInput['action'];

/** The office's topic board (screeners: every topic, bulk actions); for members, the pool they can support. */
export function TopicBoardPage() {
  const { t } = useTranslation();
  const time = useOrgTime();
  const { user } = useSession();
  const screener = hasPermission(user, 'topics.screen');
  const canSubmit = hasPermission(user, 'topics.submit');
  const { filters, update, query } = useBoardParams();
  const list = useTopicList(query);
  const client = useQueryClient();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);

  const bulk = useMutation({
    mutationFn: (body: TopicBulkInput) => api(TopicRoutes.bulkTransitionTopics, { body }),
    onSuccess: (r) => {
      notifications.show({ color: r.refused.length ? 'yellow' : 'green', message: t('topics.board.bulkDone', { updated: r.updated.length, refused: r.refused.length }) });
      setPicked(new Set());
      setRejecting(false);
      void client.invalidateQueries({ queryKey: TOPICS_KEY });
    },
  });
  const run = (action: BulkAction, reason?: string) => bulk.mutate({ ids: [...picked], action, reason });

  const items = list.data?.items ?? [];
  const allPicked = items.length > 0 && items.every((i) => picked.has(i.id));
  const toggle = (id: string) => setPicked((p) => { const n = new Set(p); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  return (
    <>
      <PageHeader
        title={screener ? t('topics.board.title') : t('topics.board.memberTitle')}
        description={screener ? t('topics.board.description') : t('topics.board.memberDescription')}
        actions={
          <>
            {screener && <Button variant="default" component={Link} to="/admin/topic-calls" leftSection={<IconSpeakerphone size={16} aria-hidden />}>{t('topics.board.calls')}</Button>}
            {canSubmit && <Button component={Link} to="/topics/new" leftSection={<IconPlus size={16} aria-hidden />}>{t('topics.board.newTopic')}</Button>}
          </>
        }
      />
      <TopicFilters filters={filters} update={update} showStates={screener} />
      {screener && picked.size > 0 && (
        <Paper withBorder p="xs" mb="sm" role="region" aria-label={t('topics.board.selected', { count: picked.size })}>
          <Group gap="xs">
            <Text size="sm" fw={500}>{t('topics.board.selected', { count: picked.size })}</Text>
            <Button size="xs" variant="light" onClick={() => run('start_screening')} loading={bulk.isPending}>{t('topics.board.bulkScreen')}</Button>
            <Button size="xs" variant="light" onClick={() => run('pool')} loading={bulk.isPending}>{t('topics.board.bulkPool')}</Button>
            <Button size="xs" onClick={() => run('shortlist')} loading={bulk.isPending}>{t('topics.board.bulkShortlist')}</Button>
            <Button size="xs" color="red" variant="light" onClick={() => setRejecting(true)}>{t('topics.board.bulkReject')}</Button>
          </Group>
        </Paper>
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {screener && (
                  <Table.Th w={40}>
                    <Checkbox aria-label={t('topics.board.selectAll')} checked={allPicked} indeterminate={!allPicked && items.some((i) => picked.has(i.id))}
                      onChange={() => setPicked(allPicked ? new Set() : new Set(items.map((i) => i.id)))} />
                  </Table.Th>
                )}
                <Table.Th>{t('topics.fields.title')}</Table.Th>
                <Table.Th>{t('topics.fields.source')}</Table.Th>
                <Table.Th>{t('topics.fields.category')}</Table.Th>
                <Table.Th>{t('topics.fields.policyArea')}</Table.Th>
                <Table.Th>{t('topics.fields.state')}</Table.Th>
                <Table.Th ta="right">{t('topics.fields.support')}</Table.Th>
                <Table.Th>{t('topics.fields.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((topic) => (
                <Table.Tr key={topic.id}>
                  {screener && (
                    <Table.Td>
                      <Checkbox aria-label={t('topics.board.selectRow', { title: topic.title })} checked={picked.has(topic.id)} onChange={() => toggle(topic.id)} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/topics/${topic.id}`} fw={500}>{topic.title}</Anchor>
                    {topic.proposerName && <Text size="xs" c="dimmed">{topic.proposerName}{topic.coSignerCount > 0 ? ` +${topic.coSignerCount}` : ''}</Text>}
                  </Table.Td>
                  <Table.Td>{t(`topics.source.${topic.source}`)}</Table.Td>
                  <Table.Td>{t(`topics.category.${topic.category}`)}</Table.Td>
                  <Table.Td>{t(`topics.policyArea.${topic.policyArea}`)}</Table.Td>
                  <Table.Td><TopicStateBadge state={topic.state} /></Table.Td>
                  <Table.Td ta="right">{topic.supportCount}</Table.Td>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{time.dateTime(topic.createdAt)}</Text></Table.Td>
                </Table.Tr>
              ))}
              {list.isSuccess && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={screener ? 8 : 7}><Text c="dimmed" ta="center" py="md">{t('topics.board.empty')}</Text></Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && <TableFooter total={list.data.total} page={filters.page} pageSize={BOARD_PAGE_SIZE} onPage={(page) => update({ page })} />}
      {list.data?.totalCapped && <Text size="sm" c="dimmed" mt={4}>{t('topics.board.capped', { count: list.data.total })}</Text>}
      <ReasonDialog
        opened={rejecting}
        title={t('topics.reject.title')}
        message={t('topics.reject.confirmBulk', { count: picked.size })}
        label={t('topics.reject.reason')}
        hint={t('topics.reject.reasonHint')}
        confirmLabel={t('topics.board.bulkReject')}
        danger
        pending={bulk.isPending}
        error={bulk.error}
        onConfirm={(reason) => run('reject', reason)}
        onClose={() => setRejecting(false)}
      />
    </>
  );
}
