import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '@xieshang/contracts';
import { RoleBadges } from '../members/RoleBadges';

export function DirectoryTable({ members, loading, onOpen }: { members: Member[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  // The API leaves contact details out for users who may not see them.
  const showPhone = members.some((m) => m.phone);
  const showEmail = members.some((m) => m.email);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-busy={loading} verticalSpacing="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }} className="visually-hidden">{t('directory.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.name')}</Table.Th>
            <Table.Th scope="col">{t('members.sector')}</Table.Th>
            <Table.Th scope="col">{t('members.committee')}</Table.Th>
            <Table.Th scope="col">{t('members.roles')}</Table.Th>
            {showPhone && <Table.Th scope="col">{t('members.phone')}</Table.Th>}
            {showEmail && <Table.Th scope="col">{t('members.email')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={6}><Text c="dimmed" ta="center" py="md">{t('directory.empty')}</Text></Table.Td>
            </Table.Tr>
          )}
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component="button" type="button" onClick={() => onOpen(m.id)} fw={500}>
                  {m.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{m.sectorName ?? '—'}</Table.Td>
              <Table.Td>{m.committeeName ?? '—'}</Table.Td>
              <Table.Td><RoleBadges roles={m.roles} standing={m.isStandingCommittee} /></Table.Td>
              {showPhone && <Table.Td>{m.phone ? <Anchor href={`tel:${m.phone}`}>{m.phone}</Anchor> : '—'}</Table.Td>}
              {showEmail && <Table.Td>{m.email ? <Anchor href={`mailto:${m.email}`}>{m.email}</Anchor> : '—'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
