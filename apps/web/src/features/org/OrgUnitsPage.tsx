import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CoreRoutes, OrgKind, type OrgUnit } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ErrorState } from '../shell/ErrorState';
import { NotFoundPage } from '../shell/NotFoundPage';
import { PageHeader } from '../shell/PageHeader';
import { OrgUnitFormModal } from './OrgUnitFormModal';
import { OrgUnitsTable } from './OrgUnitsTable';
import { orgKey, useOrgUnits } from './useOrgUnits';

export function OrgUnitsPage() {
  const parsed = OrgKind.safeParse(useParams().kind);
  if (!parsed.success) return <NotFoundPage />;
  // Keyed so switching between kinds resets dialogs.
  return <OrgUnitsView key={parsed.data} kind={parsed.data} />;
}

function OrgUnitsView({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data, error, isLoading, refetch } = useOrgUnits(kind);
  const [editing, setEditing] = useState<OrgUnit | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<OrgUnit | null>(null);

  const remove = useMutation({
    mutationFn: (u: OrgUnit) => api(CoreRoutes.deleteOrgUnit, { params: { kind, id: u.id } }),
    onSuccess: (_r, u) => {
      void client.invalidateQueries({ queryKey: orgKey(kind) });
      notifications.show({ color: 'green', message: t('org.deleted', { name: u.name }) });
      setDeleting(null);
    },
  });

  const openForm = (u: OrgUnit | null) => {
    setEditing(u);
    setFormOpen(true);
  };

  return (
    <>
      <PageHeader
        title={t(`org.${kind}.title`)}
        description={t(`org.${kind}.description`)}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
            {t(`org.${kind}.create`)}
          </Button>
        }
      />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <OrgUnitsTable units={data ?? []} loading={isLoading} onEdit={openForm} onDelete={(u) => { remove.reset(); setDeleting(u); }} />
      )}
      <OrgUnitFormModal kind={kind} unit={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        opened={!!deleting}
        title={t('org.deleteTitle')}
        message={t('org.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
