import { useState } from 'react';
import { Alert, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { AssignmentTaskCard } from './AssignmentTaskCard';
import { useAssignments } from './outcomeQueries';

const PAGE_SIZE = 20;

/**
 * 办理任务 — the department liaison's portal: only their department's assignments (the api scopes
 * them), deadlines and overdue flags, the feedback form, and their earlier feedback with the office's comments.
 */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [scope, setScope] = useState<'current' | 'all'>('current');
  const [page, setPage] = useState(1);
  const list = useAssignments({ current: scope === 'current' ? 'true' : 'false', page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  const waiting = items.filter((a) => a.state === 'assigned').length;
  const overdue = items.filter((a) => a.overdue).length;

  return (
    <>
      <PageHeader title={t('outcomes.assignments.title')} description={t('outcomes.assignments.description')} />
      {user && user.roles.includes('department') && !user.departmentId && <Alert color="yellow" mb="md">{t('outcomes.assignments.noDepartment')}</Alert>}
      <Group justify="space-between" mb="md" gap="sm">
        <SegmentedControl
          aria-label={t('outcomes.assignments.scope')}
          value={scope}
          onChange={(v) => { setScope(v as 'current' | 'all'); setPage(1); }}
          data={[{ value: 'current', label: t('outcomes.assignments.tabs.open') }, { value: 'all', label: t('outcomes.assignments.tabs.all') }]}
        />
        {list.isSuccess && <Text size="sm" aria-live="polite">{t('outcomes.assignments.counts', { waiting, overdue })}</Text>}
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack aria-busy={list.isLoading}>
          {list.isSuccess && items.length === 0 && <Text c="dimmed" ta="center" py="lg">{t('outcomes.assignments.empty')}</Text>}
          {items.map((a) => <AssignmentTaskCard key={a.id} assignment={a} />)}
        </Stack>
      )}
      {list.data && list.data.total > PAGE_SIZE && <TableFooter total={list.data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />}
    </>
  );
}
