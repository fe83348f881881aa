import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS, type ImportPreview } from '@xieshang/contracts';
import { useIssueText } from './useIssueText';

type Row = ImportPreview['rows'][number];

/** Known columns first, in template order, then whatever else the file had. */
function columnsOf(rows: Row[]): string[] {
  const seen = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const known = Object.keys(IMPORT_COLUMNS).filter((c) => seen.has(c));
  return [...known, ...[...seen].filter((c) => !known.includes(c))];
}

export function ImportPreviewTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const { columnLabel, rowIssueText } = useIssueText();
  const columns = columnsOf(rows);
  return (
    <Table.ScrollContainer minWidth={720} maxHeight={520}>
      <Table stickyHeader withTableBorder verticalSpacing="xs" fz="sm">
        <Table.Caption className="visually-hidden">{t('import.previewCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('import.row')}</Table.Th>
            {columns.map((c) => (
              <Table.Th scope="col" key={c}>{columnLabel(c)}</Table.Th>
            ))}
            <Table.Th scope="col">{t('import.issues')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const bad = r.issues.length > 0;
            const badColumns = new Set(r.issues.map((i) => i.column));
            return (
              <Table.Tr key={r.row} data-invalid={bad || undefined} bg={bad ? 'var(--mantine-color-red-0)' : undefined}>
                <Table.Th scope="row">{r.row}</Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c} c={badColumns.has(c) ? 'red.8' : undefined} fw={badColumns.has(c) ? 600 : undefined}>
                    {r.values[c] ?? ''}
                  </Table.Td>
                ))}
                <Table.Td>
                  {bad ? (
                    <List size="sm" c="red.8" spacing={2}>
                      {r.issues.map((i, n) => (
                        <List.Item key={n}>{rowIssueText(r.row, i)}</List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="green.8">{t('import.rowOk')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
