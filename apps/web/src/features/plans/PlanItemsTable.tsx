import { ActionIcon, Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanItem } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { useSession } from '../auth/useSession';
import { useCurrentLocale } from '../auth/useLocale';
import { monthLabel } from './planLabels';

/** The plan in its customary table form: topic, form, month, lead, participants. */
export function PlanItemsTable({ items, editable, onEdit, onRemove }: { items: PlanItem[]; editable: boolean; onEdit: (i: PlanItem) => void; onRemove: (i: PlanItem) => void }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const { user } = useSession();
  // The office turns an item into a meeting; the meeting keeps the link (meetings.plan_item_id).
  const canSchedule = hasPermission(user, 'meetings.manage');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" aria-label={t('plans.items.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plans.items.no')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.topic')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.form')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.month')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.leadLeader')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.leadBody')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.participatingBodies')}</Table.Th>
            <Table.Th scope="col">{t('plans.item.notes')}</Table.Th>
            {editable && <Table.Th scope="col"><span className="visually-hidden">{t('plans.items.actions')}</span></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={editable ? 9 : 8}><Text c="dimmed" ta="center" py="md">{t('plans.items.empty')}</Text></Table.Td>
            </Table.Tr>
          )}
          {items.map((i, n) => (
            <Table.Tr key={i.id}>
              <Table.Td>{n + 1}</Table.Td>
              <Table.Th scope="row" fw={500}>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>{i.topicId ? <Anchor component={Link} to={`/topics/${i.topicId}`}>{i.title}</Anchor> : i.title}</Text>
                  <Group gap={4}>
                    {i.category === 'supervision' && <Badge size="xs" color="grape" variant="light">{t('plans.category.supervision')}</Badge>}
                    {!i.topicId && <Badge size="xs" color="gray" variant="light">{t('plans.item.direct')}</Badge>}
                  </Group>
                  {i.meetings.map((m) => (
                    <Anchor key={m.id} component={Link} to={`/meetings/${m.id}`} size="xs">{t('plans.items.meeting', { title: m.title })}</Anchor>
                  ))}
                  {canSchedule && (
                    <Anchor component={Link} to={`/meetings/new?${new URLSearchParams({ planItemId: i.id, typeId: i.meetingTypeId, title: i.title })}`} size="xs">
                      {t('plans.items.schedule')}
                    </Anchor>
                  )}
                </Stack>
              </Table.Th>
              <Table.Td>{locale === 'en' ? i.meetingTypeNameEn : i.meetingTypeNameZh}</Table.Td>
              <Table.Td>{monthLabel(t, i.plannedMonth)}</Table.Td>
              <Table.Td>{i.leadLeader}</Table.Td>
              <Table.Td>{i.leadBody}</Table.Td>
              <Table.Td>{i.participatingBodies.join(t('plans.items.separator'))}</Table.Td>
              <Table.Td>{i.notes}</Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('plans.items.edit')}>
                      <ActionIcon variant="subtle" aria-label={t('plans.items.editNamed', { title: i.title })} onClick={() => onEdit(i)}><IconPencil size={16} aria-hidden /></ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('plans.items.remove')}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('plans.items.removeNamed', { title: i.title })} onClick={() => onRemove(i)}><IconTrash size={16} aria-hidden /></ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
