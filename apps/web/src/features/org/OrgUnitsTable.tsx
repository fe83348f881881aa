import { ActionIcon, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@xieshang/contracts';

interface Props {
  units: OrgUnit[];
  loading: boolean;
  onEdit: (u: OrgUnit) => void;
  onDelete: (u: OrgUnit) => void;
}

export function OrgUnitsTable({ units, loading, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover aria-busy={loading} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('org.name')}</Table.Th>
            <Table.Th scope="col">{t('org.shortName')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('org.memberCount')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('org.sortOrder')}</Table.Th>
            <Table.Th scope="col"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={5}><Text c="dimmed" ta="center" py="md">{t('org.empty')}</Text></Table.Td>
            </Table.Tr>
          )}
          {units.map((u) => {
            const inUse = u.memberCount > 0;
            return (
              <Table.Tr key={u.id}>
                <Table.Th scope="row" fw={500}>
                  {u.name}
                  {u.description && <Text size="xs" c="dimmed" fw={400} lineClamp={1}>{u.description}</Text>}
                </Table.Th>
                <Table.Td>{u.shortName ?? '—'}</Table.Td>
                <Table.Td ta="end">{u.memberCount}</Table.Td>
                <Table.Td ta="end">{u.sortOrder}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('common.edit')}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(u)} aria-label={t('org.editNamed', { name: u.name })}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={inUse ? t('org.inUseHint', { count: u.memberCount }) : t('common.delete')}>
                      {/* aria-disabled keeps the button focusable so the reason stays discoverable */}
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-disabled={inUse || undefined}
                        data-disabled={inUse || undefined}
                        onClick={() => !inUse && onDelete(u)}
                        aria-label={t('org.deleteNamed', { name: u.name })}
                        aria-description={inUse ? t('org.inUseHint', { count: u.memberCount }) : undefined}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
