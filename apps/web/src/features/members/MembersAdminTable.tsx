import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@xieshang/contracts';
import { checkSelfEdit } from '@xieshang/domain';
import { useSession } from '../auth/useSession';
import { RoleBadges } from './RoleBadges';

interface Props {
  members: Member[];
  loading: boolean;
  onEdit: (m: Member) => void;
  onToggle: (m: Member) => void;
}

export function MembersAdminTable({ members, loading, onEdit, onToggle }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  // The api refuses an admin deactivating themselves; do not offer it.
  const canToggle = (m: Member) => !user || checkSelfEdit(user, m.id, { active: !m.active }) === 'ok';
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover aria-busy={loading} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.name')}</Table.Th>
            <Table.Th scope="col">{t('members.email')}</Table.Th>
            <Table.Th scope="col">{t('members.sector')}</Table.Th>
            <Table.Th scope="col">{t('members.committee')}</Table.Th>
            <Table.Th scope="col">{t('members.roles')}</Table.Th>
            <Table.Th scope="col">{t('members.status')}</Table.Th>
            <Table.Th scope="col"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={7}><Text c="dimmed" ta="center" py="md">{t('directory.empty')}</Text></Table.Td>
            </Table.Tr>
          )}
          {members.map((m) => (
            <Table.Tr key={m.id} style={m.active ? undefined : { opacity: 0.6 }}>
              <Table.Th scope="row" fw={500}>{m.name}</Table.Th>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>{m.sectorName ?? '—'}</Table.Td>
              <Table.Td>{m.committeeName ?? '—'}</Table.Td>
              <Table.Td><RoleBadges roles={m.roles} standing={m.isStandingCommittee} /></Table.Td>
              <Table.Td>
                <Badge color={m.active ? 'green' : 'gray'} variant="dot">{t(m.active ? 'members.active' : 'members.inactive')}</Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label={t('common.edit')}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(m)} aria-label={t('members.editNamed', { name: m.name })}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t(m.active ? 'members.deactivate' : 'members.reactivate')}>
                    <ActionIcon
                      variant="subtle"
                      color={m.active ? 'red' : 'green'}
                      onClick={() => onToggle(m)}
                      disabled={!canToggle(m)}
                      aria-label={t(m.active ? 'members.deactivateNamed' : 'members.reactivateNamed', { name: m.name })}
                    >
                      {m.active ? <IconUserOff size={16} aria-hidden /> : <IconUserCheck size={16} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
