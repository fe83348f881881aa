import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LEAVE_APPROVERS, MeetingRoutes, type LeaveApprover, type MeetingType } from '@xieshang/contracts';
import { api, isApiError } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { AgendaEditor } from './AgendaEditor';
import { agendaRows, type AgendaRow } from './meetingForm';
import { MEETING_TYPES_KEY } from './useMeetingTypes';

interface TypeForm {
  code: string;
  nameZh: string;
  nameEn: string;
  noticeWorkingDays: number;
  materialsWorkingDays: number;
  leaveApprover: LeaveApprover;
  speakingLimitMinutes: number;
  defaultAgenda: AgendaRow[];
  active: boolean;
  sortOrder: number;
}

const FIELDS = ['code', 'nameZh', 'nameEn', 'noticeWorkingDays', 'materialsWorkingDays', 'leaveApprover', 'speakingLimitMinutes', 'defaultAgenda', 'active', 'sortOrder'];

function initial(type: MeetingType | null): TypeForm {
  return {
    code: type?.code ?? '',
    nameZh: type?.nameZh ?? '',
    nameEn: type?.nameEn ?? '',
    noticeWorkingDays: type?.noticeWorkingDays ?? 15,
    materialsWorkingDays: type?.materialsWorkingDays ?? 10,
    leaveApprover: type?.leaveApprover ?? 'office',
    speakingLimitMinutes: type?.speakingLimitMinutes ?? 5,
    defaultAgenda: agendaRows(type?.defaultAgenda ?? []),
    active: type?.active ?? true,
    sortOrder: type?.sortOrder ?? 100,
  };
}

const toNumber = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || fallback);

/** Add (type = null) or edit a meeting type; the code is fixed once created. */
export function MeetingTypeFormModal({ opened, type, onClose }: { opened: boolean; type: MeetingType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<TypeForm>(() => initial(type));

  const save = useMutation({
    mutationFn: () => {
      const body = {
        nameZh: form.nameZh.trim(),
        nameEn: form.nameEn.trim(),
        noticeWorkingDays: form.noticeWorkingDays,
        materialsWorkingDays: form.materialsWorkingDays,
        leaveApprover: form.leaveApprover,
        speakingLimitMinutes: form.speakingLimitMinutes,
        defaultAgenda: form.defaultAgenda.filter((r) => r.title.trim()).map((r) => ({ title: r.title.trim(), kind: r.kind })),
        active: form.active,
        sortOrder: form.sortOrder,
      };
      return type
        ? api(MeetingRoutes.updateMeetingType, { params: { id: type.id }, body })
        : api(MeetingRoutes.createMeetingType, { body: { ...body, code: form.code.trim() } });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: MEETING_TYPES_KEY });
      notifications.show({ color: 'green', message: t(type ? 'meetings.types.updated' : 'meetings.types.created', { name: saved.nameZh }) });
      onClose();
    },
  });
  const { reset } = save;
  useEffect(() => {
    if (opened) {
      setForm(initial(type));
      reset();
    }
  }, [opened, type, reset]);

  const set = <K extends keyof TypeForm>(key: K, value: TypeForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { fields, general } = formErrors(t, save.error, FIELDS);
  // A taken code comes back as NAME_TAKEN without field details.
  if (isApiError(save.error) && save.error.code === 'NAME_TAKEN' && !type) fields.code ??= t('meetings.types.codeTaken');
  const shownGeneral = fields.code && isApiError(save.error) && save.error.code === 'NAME_TAKEN' ? null : general;

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t(type ? 'meetings.types.editTitle' : 'meetings.types.createTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {shownGeneral && <Alert color="red" role="alert">{shownGeneral}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('meetings.types.nameZh')} value={form.nameZh} onChange={(e) => set('nameZh', e.currentTarget.value)} error={fields.nameZh} required maxLength={60} />
            <TextInput label={t('meetings.types.nameEn')} value={form.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={fields.nameEn} required maxLength={80} />
            <TextInput
              label={t('meetings.types.code')}
              description={t(type ? 'meetings.types.codeFixed' : 'meetings.types.codeHint')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={fields.code}
              disabled={!!type}
              required
              maxLength={40}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('meetings.types.noticeDays')} description={t('meetings.types.workingDaysHint')} value={form.noticeWorkingDays} onChange={(v) => set('noticeWorkingDays', toNumber(v, 0))} min={0} max={120} allowDecimal={false} error={fields.noticeWorkingDays} />
            <NumberInput label={t('meetings.types.materialsDays')} description={t('meetings.types.workingDaysHint')} value={form.materialsWorkingDays} onChange={(v) => set('materialsWorkingDays', toNumber(v, 0))} min={0} max={120} allowDecimal={false} error={fields.materialsWorkingDays} />
            <NumberInput label={t('meetings.types.speakingLimit')} description={t('meetings.types.minutesHint')} value={form.speakingLimitMinutes} onChange={(v) => set('speakingLimitMinutes', toNumber(v, 1))} min={1} max={120} allowDecimal={false} error={fields.speakingLimitMinutes} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('meetings.types.leaveApprover')}
              data={LEAVE_APPROVERS.map((a) => ({ value: a, label: t(`meetings.leaveApprover.${a}`) }))}
              value={form.leaveApprover}
              onChange={(v) => v && set('leaveApprover', v as LeaveApprover)}
              allowDeselect={false}
              error={fields.leaveApprover}
            />
            <NumberInput label={t('meetings.types.sortOrder')} description={t('meetings.types.sortOrderHint')} value={form.sortOrder} onChange={(v) => set('sortOrder', toNumber(v, 100))} min={0} max={10000} allowDecimal={false} error={fields.sortOrder} />
            <Switch label={t('meetings.types.active')} description={t('meetings.types.activeHint')} checked={form.active} onChange={(e) => set('active', e.currentTarget.checked)} mt="lg" />
          </SimpleGrid>
          <AgendaEditor label={t('meetings.types.defaultAgenda')} value={form.defaultAgenda} onChange={(v) => set('defaultAgenda', v)} error={fields.defaultAgenda} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
