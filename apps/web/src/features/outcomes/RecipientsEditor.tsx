import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_BODIES, type OutcomeRecipientInput, type RecipientBody } from '@xieshang/contracts';

export type RecipientDraft = Pick<OutcomeRecipientInput, 'body' | 'name'> & { title: string };

export const emptyRecipient = (): RecipientDraft => ({ body: 'party_committee', name: '', title: '' });

/** Recipients worth sending: named ones, trimmed. */
export function recipientsToSend(rows: readonly RecipientDraft[]): OutcomeRecipientInput[] {
  return rows.filter((r) => r.name.trim()).map((r) => ({ body: r.body, name: r.name.trim(), title: r.title.trim() || null }));
}

/** 报送对象: the party committee's and the government's leaders, one row each, by name and post. */
export function RecipientsEditor({ rows, onChange, error }: { rows: RecipientDraft[]; onChange: (rows: RecipientDraft[]) => void; error?: string }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<RecipientDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6} role="group" aria-label={t('outcomes.create.recipients')}>
      <Text size="sm" fw={500}>{t('outcomes.create.recipients')} <Text span c="red">*</Text></Text>
      <Text size="xs" c="dimmed">{t('outcomes.create.recipientsHint')}</Text>
      {rows.map((r, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <Select
            aria-label={t('outcomes.recipient.body', { n: i + 1 })}
            data={RECIPIENT_BODIES.map((b) => ({ value: b, label: t(`outcomes.recipient.bodies.${b}`) }))}
            value={r.body}
            onChange={(v) => set(i, { body: (v ?? 'other') as RecipientBody })}
            allowDeselect={false}
            w={120}
          />
          <TextInput aria-label={t('outcomes.recipient.name', { n: i + 1 })} placeholder={t('outcomes.recipient.namePlaceholder')} value={r.name} onChange={(e) => set(i, { name: e.currentTarget.value })} maxLength={100} style={{ flex: 1 }} />
          <TextInput aria-label={t('outcomes.recipient.title', { n: i + 1 })} placeholder={t('outcomes.recipient.titlePlaceholder')} value={r.title} onChange={(e) => set(i, { title: e.currentTarget.value })} maxLength={100} style={{ flex: 1 }} />
          <ActionIcon variant="subtle" color="red" aria-label={t('outcomes.recipient.remove', { n: i + 1 })} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, j) => j !== i))} mt={4}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {error && <Text size="xs" c="red" role="alert">{error}</Text>}
      <Group>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, { ...emptyRecipient(), body: 'government' }])}>
          {t('outcomes.recipient.add')}
        </Button>
      </Group>
    </Stack>
  );
}
