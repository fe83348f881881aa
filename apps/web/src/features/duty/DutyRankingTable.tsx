import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DutyRankingRow } from '@xieshang/contracts';
import { formatPoints, formatScore } from './dutyView';

/** The ranking: one row per member, highest score first, each opening that member's record. */
export function DutyRankingTable({ rows, onOpen }: { rows: DutyRankingRow[]; onOpen: (row: DutyRankingRow) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed" py="md">{t('duty.ranking.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('duty.ranking.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('duty.ranking.rank')}</Table.Th>
            <Table.Th scope="col">{t('duty.ranking.name')}</Table.Th>
            <Table.Th scope="col">{t('duty.ranking.sector')}</Table.Th>
            <Table.Th scope="col">{t('duty.ranking.committee')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('duty.score.bonus')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('duty.score.deductions')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('duty.score.total')}</Table.Th>
            <Table.Th scope="col"><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.userId}>
              <Table.Td>{r.rank}</Table.Td>
              <Table.Th scope="row" fw={500}>{r.name}</Table.Th>
              <Table.Td>{r.sectorName ?? '—'}</Table.Td>
              <Table.Td>{r.committeeName ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatPoints(r.score.bonus)}</Table.Td>
              <Table.Td ta="right" c={r.score.deductions ? 'red' : undefined}>{r.score.deductions ? formatPoints(-r.score.deductions) : '0'}</Table.Td>
              <Table.Td ta="right" fw={600}>{formatScore(r.score.total)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onOpen(r)} aria-label={t('duty.ranking.openNamed', { name: r.name })}>
                  {t('duty.ranking.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
