import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CoreRoutes, type OrgKind, type OrgUnit } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { orgKey } from './useOrgUnits';

interface Props {
  kind: OrgKind;
  unit: OrgUnit | null;
  opened: boolean;
  onClose: () => void;
}

export function OrgUnitFormModal({ kind, unit, opened, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [description, setDescription] = useState('');
  const [sortOrder, setSortOrder] = useState<number>(0);

  const save = useMutation({
    mutationFn: () => {
      const body = { name, shortName: shortName.trim() || null, description: description.trim() || null, sortOrder };
      return unit
        ? api(CoreRoutes.updateOrgUnit, { params: { kind, id: unit.id }, body })
        : api(CoreRoutes.createOrgUnit, { params: { kind }, body });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: orgKey(kind) });
      void client.invalidateQueries({ queryKey: ['members'] });
      notifications.show({ color: 'green', message: t('org.saved', { name: saved.name }) });
      onClose();
    },
  });
  const { reset } = save;

  useEffect(() => {
    if (!opened) return;
    setName(unit?.name ?? '');
    setShortName(unit?.shortName ?? '');
    setDescription(unit?.description ?? '');
    setSortOrder(unit?.sortOrder ?? 0);
    reset();
  }, [opened, unit, reset]);

  const { fields, general } = formErrors(t, save.error, ['name', 'shortName', 'description', 'sortOrder']);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t(unit ? `org.${kind}.editTitle` : `org.${kind}.createTitle`)}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <TextInput label={t('org.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} required data-autofocus />
          <TextInput label={t('org.shortName')} value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={fields.shortName} />
          <Textarea label={t('org.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fields.description} autosize minRows={2} />
          <NumberInput
            label={t('org.sortOrder')}
            description={t('org.sortOrderHint')}
            value={sortOrder}
            onChange={(v) => setSortOrder(typeof v === 'number' ? v : Number(v) || 0)}
            error={fields.sortOrder}
            min={0}
            max={10000}
            allowDecimal={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
