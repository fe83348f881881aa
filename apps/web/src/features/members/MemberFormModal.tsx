import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CoreRoutes, type Member, type Role } from '@xieshang/contracts';
import { memberProfileIssues } from '@xieshang/domain';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { useOrgOptions } from '../org/useOrgUnits';
import { useRoleOptions } from './useRoleOptions';

interface FormState {
  email: string;
  name: string;
  roles: Role[];
  isStandingCommittee: boolean;
  sectorId: string | null;
  committeeId: string | null;
  departmentId: string | null;
  phone: string;
  affiliation: string;
  password: string;
}

const FIELDS = ['email', 'name', 'roles', 'isStandingCommittee', 'sectorId', 'committeeId', 'departmentId', 'phone', 'affiliation', 'password'];

function initial(m: Member | null): FormState {
  return {
    email: m?.email ?? '',
    name: m?.name ?? '',
    roles: m?.roles ?? ['member'],
    isStandingCommittee: m?.isStandingCommittee ?? false,
    sectorId: m?.sectorId ?? null,
    committeeId: m?.committeeId ?? null,
    departmentId: m?.departmentId ?? null,
    phone: m?.phone ?? '',
    affiliation: m?.affiliation ?? '',
    password: '',
  };
}

/** Create (member = null) or edit an account. */
export function MemberFormModal({ opened, member, onClose }: { opened: boolean; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<FormState>(() => initial(member));
  const [triedSubmit, setTriedSubmit] = useState(false);
  const sectors = useOrgOptions('sectors', opened);
  const committees = useOrgOptions('committees', opened);
  const departments = useOrgOptions('departments', opened);
  const roles = useRoleOptions();

  const save = useMutation({
    mutationFn: () => {
      const body = {
        email: form.email,
        name: form.name,
        roles: form.roles,
        isStandingCommittee: form.isStandingCommittee,
        sectorId: form.sectorId,
        committeeId: form.committeeId,
        departmentId: form.departmentId,
        phone: form.phone.trim() || null,
        affiliation: form.affiliation.trim() || null,
        ...(form.password ? { password: form.password } : {}),
      };
      return member ? api(CoreRoutes.updateMember, { params: { id: member.id }, body }) : api(CoreRoutes.createMember, { body });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['org'] });
      notifications.show({ color: 'green', message: t(member ? 'members.updated' : 'members.created', { name: saved.name }) });
      onClose();
    },
  });
  const { reset } = save;

  useEffect(() => {
    if (opened) {
      setForm(initial(member));
      setTriedSubmit(false);
      reset();
    }
  }, [opened, member, reset]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { fields, general } = formErrors(t, save.error, FIELDS);
  // The same rule the api enforces, shown before the round trip.
  const needsDepartment = memberProfileIssues(form).length > 0;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTriedSubmit(true);
    if (!needsDepartment) save.mutate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t(member ? 'members.editTitle' : 'members.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('members.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} required />
            <TextInput label={t('members.email')} type="email" value={form.email} onChange={(e) => set('email', e.currentTarget.value)} error={fields.email} required />
          </SimpleGrid>
          <MultiSelect label={t('members.roles')} data={roles} value={form.roles} onChange={(v) => set('roles', v as Role[])} error={fields.roles} required />
          <Switch label={t('members.standingCommitteeFull')} checked={form.isStandingCommittee} onChange={(e) => set('isStandingCommittee', e.currentTarget.checked)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('members.sector')} data={sectors} value={form.sectorId} onChange={(v) => set('sectorId', v)} error={fields.sectorId} clearable searchable />
            <Select label={t('members.committee')} data={committees} value={form.committeeId} onChange={(v) => set('committeeId', v)} error={fields.committeeId} clearable searchable />
            <Select label={t('members.department')} data={departments} value={form.departmentId} onChange={(v) => set('departmentId', v)} error={fields.departmentId ?? (triedSubmit && needsDepartment ? t('members.departmentRequired') : undefined)} required={form.roles.includes('department')} clearable searchable />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('members.phone')} type="tel" value={form.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={fields.phone} />
            <TextInput label={t('members.affiliation')} value={form.affiliation} onChange={(e) => set('affiliation', e.currentTarget.value)} error={fields.affiliation} />
          </SimpleGrid>
          <PasswordInput
            label={t(member ? 'members.newPassword' : 'members.initialPassword')}
            description={t(member ? 'members.newPasswordHint' : 'members.initialPasswordHint')}
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={fields.password}
            autoComplete="new-password"
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
