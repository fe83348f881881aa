import { useState } from 'react';
import { ActionIcon, Badge, Button, ColorSwatch, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingType } from '@xieshang/contracts';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { typeColor } from './meetingColors';
import { MeetingTypeFormModal } from './MeetingTypeFormModal';
import { useMeetingTypes } from './useMeetingTypes';

/** Admin: meeting types and the defaults each brings (notice, materials, leave approver, agenda). */
export function MeetingTypesPage() {
  const { t } = useTranslation();
  const { data, error, isLoading, refetch } = useMeetingTypes();
  const [editing, setEditing] = useState<MeetingType | null>(null);
  const [open, setOpen] = useState(false);
  const openForm = (type: MeetingType | null) => {
    setEditing(type);
    setOpen(true);
  };
  const types = data ?? [];
  return (
    <>
      <PageHeader
        title={t('meetings.types.title')}
        description={t('meetings.types.description')}
        actions={
          <Button onClick={() => openForm(null)} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('meetings.types.create')}
          </Button>
        }
      />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-busy={isLoading} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.types.name')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.code')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.noticeDays')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.materialsDays')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.leaveApprover')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.speakingLimit')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.agendaItems')}</Table.Th>
                <Table.Th scope="col">{t('meetings.types.status')}</Table.Th>
                <Table.Th scope="col"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {isLoading && (
                <Table.Tr>
                  <Table.Td colSpan={9}><Text c="dimmed" ta="center" py="md">{t('common.loading')}</Text></Table.Td>
                </Table.Tr>
              )}
              {!isLoading && types.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={9}><Text c="dimmed" ta="center" py="md">{t('meetings.types.empty')}</Text></Table.Td>
                </Table.Tr>
              )}
              {types.map((ty) => (
                <Table.Tr key={ty.id} style={ty.active ? undefined : { opacity: 0.6 }}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap={8} wrap="nowrap">
                      <ColorSwatch color={`var(--mantine-color-${typeColor(ty.code)}-filled)`} size={12} withShadow={false} aria-hidden />
                      <div>
                        <Text size="sm" fw={500}>{ty.nameZh}</Text>
                        <Text size="xs" c="dimmed">{ty.nameEn}</Text>
                      </div>
                    </Group>
                  </Table.Th>
                  <Table.Td><Text size="sm" ff="monospace">{ty.code}</Text></Table.Td>
                  <Table.Td>{t('meetings.types.days', { count: ty.noticeWorkingDays })}</Table.Td>
                  <Table.Td>{t('meetings.types.days', { count: ty.materialsWorkingDays })}</Table.Td>
                  <Table.Td>{t(`meetings.leaveApprover.${ty.leaveApprover}`)}</Table.Td>
                  <Table.Td>{t('meetings.types.minutes', { count: ty.speakingLimitMinutes })}</Table.Td>
                  <Table.Td>{ty.defaultAgenda.length}</Table.Td>
                  <Table.Td>
                    <Badge color={ty.active ? 'green' : 'gray'} variant="dot">{t(ty.active ? 'meetings.types.activeState' : 'meetings.types.inactiveState')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('common.edit')}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => openForm(ty)} aria-label={t('meetings.types.editNamed', { name: ty.nameZh })}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MeetingTypeFormModal opened={open} type={editing} onClose={() => setOpen(false)} />
    </>
  );
}
