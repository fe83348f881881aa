import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CoreRoutes, type Member } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { MemberFilters } from './MemberFilters';
import { MemberFormModal } from './MemberFormModal';
import { MembersAdminTable } from './MembersAdminTable';
import { PAGE_SIZE, useMemberSearch } from './useMemberSearch';

export function MembersAdminPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const search = useMemberSearch();
  const [editing, setEditing] = useState<Member | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [toggling, setToggling] = useState<Member | null>(null);
  const { data, error, isLoading, isFetching, refetch } = search.result;

  const toggle = useMutation({
    mutationFn: (m: Member) => api(CoreRoutes.updateMember, { params: { id: m.id }, body: { active: !m.active } }),
    onSuccess: (m) => {
      void client.invalidateQueries({ queryKey: ['members'] });
      notifications.show({ color: 'green', message: t(m.active ? 'members.reactivated' : 'members.deactivated', { name: m.name }) });
      setToggling(null);
    },
  });

  const openForm = (m: Member | null) => {
    setEditing(m);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title={t('members.adminTitle')}
        description={t('members.adminDescription')}
        actions={
          <>
            <Button component={Link} to="/admin/members/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              {t('import.title')}
            </Button>
            <Button onClick={() => openForm(null)} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('members.create')}
            </Button>
          </>
        }
      />
      <MemberFilters search={search} withActive />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <MembersAdminTable members={data?.items ?? []} loading={isLoading || isFetching} onEdit={openForm} onToggle={(m) => { toggle.reset(); setToggling(m); }} />
          <TableFooter total={data?.total ?? 0} page={search.page} pageSize={PAGE_SIZE} onPage={search.setPage} />
        </>
      )}
      <MemberFormModal opened={formOpen} member={editing} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        opened={!!toggling}
        title={t(toggling?.active ? 'members.deactivateTitle' : 'members.reactivateTitle')}
        message={t(toggling?.active ? 'members.deactivateConfirm' : 'members.reactivateConfirm', { name: toggling?.name ?? '' })}
        confirmLabel={t(toggling?.active ? 'members.deactivate' : 'members.reactivate')}
        danger={toggling?.active}
        loading={toggle.isPending}
        error={toggle.error}
        onConfirm={() => toggling && toggle.mutate(toggling)}
        onCancel={() => setToggling(null)}
      />
    </>
  );
}
