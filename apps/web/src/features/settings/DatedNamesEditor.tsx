import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface DatedRow {
  key: string;
  date: string;
  name: string;
}

let seq = 0;
export const newDatedRow = (date = '', name = ''): DatedRow => ({ key: `d-${++seq}`, date, name });

/** Rows by date; rows without a date are dropped, duplicates keep the first. */
export function sortedDatedNames(rows: readonly DatedRow[]): { date: string; name: string | null }[] {
  const seen = new Set<string>();
  return rows
    .filter((r) => r.date)
    .sort((a, b) => a.date.localeCompare(b.date))
    .filter((r) => (seen.has(r.date) ? false : (seen.add(r.date), true)))
    .map((r) => ({ date: r.date, name: r.name.trim() || null }));
}

interface Props {
  label: string;
  description: string;
  rows: DatedRow[];
  onChange: (rows: DatedRow[]) => void;
  /** e.g. "holiday" — names the row in screen-reader labels */
  itemLabel: string;
  error?: string;
}

/** Date + name rows (holidays, makeup working days); add and remove, sorted when saved. */
export function DatedNamesEditor({ label, description, rows, onChange, itemLabel, error }: Props) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<DatedRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const duplicates = new Set(rows.map((r) => r.date).filter((d, i, all) => d && all.indexOf(d) !== i));
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Stack gap="xs" mt={6}>
        {rows.length === 0 && <Text size="sm" c="dimmed">{t('settings.noRows')}</Text>}
        {rows.map((row, i) => (
          <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              type="date"
              aria-label={t('settings.rowDate', { item: itemLabel, n: i + 1 })}
              value={row.date}
              onChange={(e) => update(row.key, { date: e.currentTarget.value })}
              error={duplicates.has(row.date) ? t('settings.duplicateDate') : undefined}
              w={170}
            />
            <TextInput
              aria-label={t('settings.rowName', { item: itemLabel, n: i + 1 })}
              placeholder={t('settings.namePlaceholder')}
              value={row.name}
              onChange={(e) => update(row.key, { name: e.currentTarget.value })}
              maxLength={60}
              style={{ flex: 1, minWidth: 0 }}
            />
            <ActionIcon variant="subtle" color="red" size="lg" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={t('settings.removeRow', { item: itemLabel, n: i + 1 })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, newDatedRow()])}>
            {t('settings.addRow', { item: itemLabel })}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
