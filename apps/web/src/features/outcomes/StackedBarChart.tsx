import { useId, useState } from 'react';
import { Box, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { barSegments, rowTotal, type ChartRow, type ChartSeries } from './chartMath';

const LABEL_WIDTH = 132;
const BAR_HEIGHT = 22;
const ROW_GAP = 12;
const CHART_WIDTH = 560;
const VALUE_WIDTH = 64;

/**
 * Horizontal stacked bars drawn as plain SVG (no chart package is installed). Screen readers get one
 * sentence per chart through aria-label, and anyone can open the same numbers as a table.
 */
export function StackedBarChart({
  title,
  series,
  rows,
  summary,
  rowNote,
  emptyText,
}: {
  title: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** One sentence that says what the chart shows, read by screen readers instead of the drawing. */
  summary: string;
  /** The text at the end of each bar (e.g. the adoption rate). */
  rowNote?: (row: ChartRow) => string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const max = Math.max(1, ...rows.map(rowTotal));
  const plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = rows.length * (BAR_HEIGHT + ROW_GAP) + ROW_GAP;

  return (
    <Paper withBorder p="md" component="figure" m={0}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Title order={3} size="h5" component="figcaption">{title}</Title>
        {rows.length > 0 && (
          <Button size="compact-xs" variant="subtle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
            {showTable ? t('outcomes.chart.hideTable') : t('outcomes.chart.showTable')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">{emptyText}</Text>
      ) : (
        <>
          <Group gap="md" mb="xs" aria-hidden>
            {series.map((s) => (
              <Group key={s.key} gap={4} wrap="nowrap">
                <Box w={10} h={10} style={{ background: s.color, borderRadius: 2 }} />
                <Text size="xs">{s.label}</Text>
              </Group>
            ))}
          </Group>
          <svg role="img" aria-label={summary} viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" style={{ maxWidth: CHART_WIDTH, display: 'block' }}>
            {rows.map((row, i) => {
              const y = ROW_GAP + i * (BAR_HEIGHT + ROW_GAP);
              return (
                <g key={row.key}>
                  <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fill="currentColor">
                    {row.label.length > 10 ? `${row.label.slice(0, 9)}…` : row.label}
                  </text>
                  {barSegments(row, series, max, plot).map((seg) => (
                    <rect key={seg.key} x={LABEL_WIDTH + seg.x} y={y} width={seg.width} height={BAR_HEIGHT} fill={seg.color}>
                      <title>{`${row.label} · ${seg.label}: ${seg.value}`}</title>
                    </rect>
                  ))}
                  <text x={CHART_WIDTH - VALUE_WIDTH + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="central" fontSize={12} fill="currentColor">
                    {rowNote ? rowNote(row) : rowTotal(row)}
                  </text>
                </g>
              );
            })}
          </svg>
          <Table.ScrollContainer minWidth={360} id={tableId} hidden={!showTable} mt="sm">
            <Table striped withTableBorder>
              <Table.Caption>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outcomes.chart.group')}</Table.Th>
                  {series.map((s) => <Table.Th key={s.key} scope="col" ta="right">{s.label}</Table.Th>)}
                  <Table.Th scope="col" ta="right">{t('outcomes.chart.total')}</Table.Th>
                  {rowNote && <Table.Th scope="col" ta="right">{t('outcomes.chart.note')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    {series.map((s) => <Table.Td key={s.key} ta="right">{row.values[s.key] ?? 0}</Table.Td>)}
                    <Table.Td ta="right">{rowTotal(row)}</Table.Td>
                    {rowNote && <Table.Td ta="right">{rowNote(row)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
