import { Group, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MemberAttendance } from '@xieshang/contracts';
import type { Sort, SortKey } from './useMemberAttendance';

const COLUMNS: { key: SortKey; numeric: boolean }[] = [
  { key: 'name', numeric: false },
  { key: 'sectorName', numeric: false },
  { key: 'invited', numeric: true },
  { key: 'present', numeric: true },
  { key: 'excused', numeric: true },
  { key: 'absent', numeric: true },
  { key: 'rate', numeric: true },
];

export const ratePercent = (rate: number) => Math.round(rate * 1000) / 10;

interface Props {
  rows: MemberAttendance[];
  loading: boolean;
  sort: Sort;
  onSort: (key: SortKey) => void;
}

export function AttendanceReportTable({ rows, loading, sort, onSort }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-busy={loading} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              const Icon = !active ? IconArrowsSort : sort.desc ? IconArrowDown : IconArrowUp;
              return (
                <Table.Th key={c.key} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} ta={c.numeric ? 'right' : undefined}>
                  <UnstyledButton onClick={() => onSort(c.key)} aria-label={t('attendance.report.sortBy', { column: t(`attendance.report.col.${c.key}`) })}>
                    <Group gap={4} wrap="nowrap" justify={c.numeric ? 'flex-end' : 'flex-start'}>
                      <Text fw={600} size="sm">{t(`attendance.report.col.${c.key}`)}</Text>
                      <Icon size={14} aria-hidden opacity={active ? 1 : 0.4} />
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}><Text c="dimmed" ta="center" py="md">{t('attendance.report.empty')}</Text></Table.Td>
            </Table.Tr>
          )}
          {rows.map((r) => {
            const pct = ratePercent(r.rate);
            return (
              <Table.Tr key={r.userId}>
                <Table.Th scope="row" fw={500}>{r.name}</Table.Th>
                <Table.Td>{r.sectorName ?? '—'}</Table.Td>
                <Table.Td ta="right">{r.invited}</Table.Td>
                <Table.Td ta="right">{r.present}</Table.Td>
                <Table.Td ta="right">{r.excused}</Table.Td>
                <Table.Td ta="right">{r.absent}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" justify="flex-end">
                    <Progress value={pct} w={80} size="sm" color={pct >= 80 ? 'green' : pct >= 50 ? 'yellow' : 'red'} aria-hidden />
                    <Text size="sm" w={52} ta="right">{t('attendance.report.percent', { value: pct })}</Text>
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
