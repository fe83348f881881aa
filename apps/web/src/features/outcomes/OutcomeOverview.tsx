import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outcome } from '@xieshang/contracts';
import { useOrgToday } from './useOrgToday';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** 基本情况: the source document, the recipients, when it was sent, year and category, and the summary. */
export function OutcomeOverview({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const { day } = useOrgToday();
  const recipients = outcome.recipients.map((r) => [r.name, r.title].filter(Boolean).join(' ')).join('；');
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">{t('outcomes.detail.overview')}</Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('outcomes.detail.document')}>
            <Anchor component={Link} to={`/documents/${outcome.documentId}`}>{outcome.documentTitle}</Anchor>
          </Field>
          <Field label={t('outcomes.detail.recipients')}>{recipients || t('outcomes.none')}</Field>
          <Field label={t('outcomes.detail.sentAt')}>{day(outcome.sentOn)}</Field>
          <Field label={t('outcomes.detail.year')}>
            <Group gap={6} component="span">{outcome.year} · {t(`outcomes.category.${outcome.category}`)}</Group>
          </Field>
        </SimpleGrid>
        {outcome.summary && <Field label={t('outcomes.detail.summary')}><span style={{ whiteSpace: 'pre-wrap' }}>{outcome.summary}</span></Field>}
      </Stack>
    </Paper>
  );
}
