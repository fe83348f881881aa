import { useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '@xieshang/contracts';
import { newRowKey, type AgendaRow } from './meetingForm';

interface Props {
  value: AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  label: string;
  description?: string;
  error?: string;
}

/**
 * Ordered agenda items (title + kind). Reorder with the arrow buttons, or Alt+↑ / Alt+↓ from any
 * field of a row; the move is announced and focus follows the row.
 */
export function AgendaEditor({ value, onChange, label, description, error }: Props) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const titles = useRef(new Map<string, HTMLInputElement | null>());
  const kinds = AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`meetings.agendaKind.${k}`) }));

  const update = (key: string, patch: Partial<AgendaRow>) => onChange(value.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1, focus?: HTMLElement | null) => {
    const to = index + by;
    if (to < 0 || to >= value.length) return;
    const next = [...value];
    const [row] = next.splice(index, 1);
    next.splice(to, 0, row);
    onChange(next);
    setAnnouncement(t('meetings.agenda.moved', { title: row.title || t('meetings.agenda.untitled'), position: to + 1 }));
    // The same element stays mounted (keyed rows), so focus stays on it; buttons at the edge get disabled.
    if (focus) requestAnimationFrame(() => focus.focus());
  };
  const remove = (index: number) => {
    const row = value[index];
    onChange(value.filter((_, i) => i !== index));
    setAnnouncement(t('meetings.agenda.removed', { title: row.title || t('meetings.agenda.untitled') }));
  };
  const add = () => {
    const key = newRowKey();
    onChange([...value, { key, title: '', kind: 'other' }]);
    requestAnimationFrame(() => titles.current.get(key)?.focus());
  };
  const onRowKey = (index: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? -1 : 1, e.target as HTMLElement);
  };

  return (
    <Input.Wrapper label={label} description={description ?? t('meetings.agenda.hint')} error={error}>
      <Stack gap="xs" mt={6}>
        {value.length === 0 && <Text size="sm" c="dimmed">{t('meetings.agenda.empty')}</Text>}
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((row, i) => {
            const n = i + 1;
            return (
              <li key={row.key}>
                <Group gap="xs" wrap="nowrap" align="center" onKeyDown={onRowKey(i)}>
                  <Text size="sm" c="dimmed" w={20} ta="right" aria-hidden>{n}</Text>
                  <TextInput
                    ref={(el) => {
                      titles.current.set(row.key, el);
                    }}
                    aria-label={t('meetings.agenda.itemTitle', { n })}
                    placeholder={t('meetings.agenda.titlePlaceholder')}
                    value={row.title}
                    onChange={(e) => update(row.key, { title: e.currentTarget.value })}
                    maxLength={200}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  <Select
                    aria-label={t('meetings.agenda.itemKind', { n })}
                    data={kinds}
                    value={row.kind}
                    onChange={(v) => v && update(row.key, { kind: v as AgendaItemKind })}
                    allowDeselect={false}
                    w={{ base: 120, sm: 150 }}
                  />
                  <ActionIcon variant="subtle" color="gray" onClick={(e) => move(i, -1, e.currentTarget)} disabled={i === 0} aria-label={t('meetings.agenda.moveUp', { n })}>
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" onClick={(e) => move(i, 1, e.currentTarget)} disabled={i === value.length - 1} aria-label={t('meetings.agenda.moveDown', { n })}>
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => remove(i)} aria-label={t('meetings.agenda.remove', { n })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            );
          })}
        </Stack>
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {t('meetings.agenda.add')}
          </Button>
        </Group>
        <span className="visually-hidden" aria-live="polite">{announcement}</span>
      </Stack>
    </Input.Wrapper>
  );
}
