import { Anchor, Drawer, Loader, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CoreRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { ErrorState } from '../shell/ErrorState';
import { RoleBadges } from '../members/RoleBadges';

export function MemberDrawer({ memberId, onClose }: { memberId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: m, error, isLoading } = useQuery({
    queryKey: ['members', 'one', memberId],
    queryFn: () => api(CoreRoutes.getMember, { params: { id: memberId! } }),
    enabled: !!memberId,
  });
  const rows: [string, React.ReactNode][] = m
    ? [
        [t('members.sector'), m.sectorName ?? '—'],
        [t('members.committee'), m.committeeName ?? '—'],
        [t('members.department'), m.departmentName ?? '—'],
        [t('members.affiliation'), m.affiliation ?? '—'],
        ...(m.phone ? [[t('members.phone'), <Anchor key="p" href={`tel:${m.phone}`}>{m.phone}</Anchor>] as [string, React.ReactNode]] : []),
        ...(m.email ? [[t('members.email'), <Anchor key="e" href={`mailto:${m.email}`}>{m.email}</Anchor>] as [string, React.ReactNode]] : []),
      ]
    : [];
  return (
    <Drawer opened={!!memberId} onClose={onClose} position="right" title={t('directory.detail')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {isLoading && <Loader aria-label={t('common.loading')} />}
      {error && <ErrorState error={error} />}
      {m && (
        <Stack>
          <Title order={3}>{m.name}</Title>
          <RoleBadges roles={m.roles} standing={m.isStandingCommittee} />
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={120}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Drawer>
  );
}
