import { useState } from 'react';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconChartPie, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '@xieshang/domain';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { CreateOutcomeModal } from './CreateOutcomeModal';
import { DeadlineBadge } from './DeadlineBadge';
import { OutcomeFilters } from './OutcomeFilters';
import { OutcomeStateBadge } from './OutcomeStateBadge';
import { useOutcomeList } from './outcomeQueries';
import { OUTCOME_PAGE_SIZE, useOutcomeListParams } from './useOutcomeListParams';
import { useOrgToday } from './useOrgToday';

/** The office's list of outcomes (成果办理): filters, deadlines and overdue flags; sends new ones. */
export function OutcomesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const manages = hasPermission(user, 'outcomes.manage');
  const { filters, update, query } = useOutcomeListParams();
  const list = useOutcomeList(query);
  const { today, day } = useOrgToday();
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('outcomes.title')}
        description={t('outcomes.description')}
        actions={
          <>
            <Button variant="default" component={Link} to="/outcomes/dashboard" leftSection={<IconChartPie size={16} aria-hidden />}>{t('outcomes.list.dashboard')}</Button>
            {manages && <Button onClick={() => setCreating(true)} leftSection={<IconSend size={16} aria-hidden />}>{t('outcomes.list.create')}</Button>}
          </>
        }
      />
      <OutcomeFilters filters={filters} update={update} />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-busy={list.isLoading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('outcomes.list.name')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.list.kind')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.list.year')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.list.sentAt')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.list.lead')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.list.state')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.list.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={`/outcomes/${o.id}`} fw={500}>{o.title}</Anchor>
                    <Group gap={4} mt={2}>
                      <Text size="xs" c="dimmed">{t(`outcomes.category.${o.category}`)}</Text>
                      {o.round > 1 && <Text size="xs" c="dimmed">· {t('outcomes.detail.round', { round: o.round })}</Text>}
                      {o.public && <Badge size="xs" variant="outline">{t('outcomes.list.public')}</Badge>}
                    </Group>
                  </Table.Th>
                  <Table.Td>{t(`outcomes.kind.${o.kind}`)}</Table.Td>
                  <Table.Td>{o.year}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(o.sentOn)}</Table.Td>
                  <Table.Td>{o.leadDepartmentName ?? t('outcomes.none')}</Table.Td>
                  <Table.Td><OutcomeStateBadge state={o.state} /></Table.Td>
                  <Table.Td>
                    {o.nextDeadline ? (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{day(o.nextDeadline)}</Text>
                        <DeadlineBadge deadline={o.nextDeadline} today={today} overdue={o.overdue} />
                      </Group>
                    ) : (
                      t('outcomes.none')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {list.isSuccess && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}><Text c="dimmed" ta="center" py="md">{t('outcomes.list.empty')}</Text></Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && <TableFooter total={list.data.total} page={filters.page} pageSize={OUTCOME_PAGE_SIZE} onPage={(page) => update({ page })} />}
      {manages && <CreateOutcomeModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
