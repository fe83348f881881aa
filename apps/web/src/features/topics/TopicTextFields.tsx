import { Box, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_AREAS, type PolicyArea, type TopicCategory } from '@xieshang/contracts';

export interface TopicText {
  title: string;
  summary: string;
  rationale: string;
  category: TopicCategory;
  policyArea: PolicyArea | null;
}

/** Title, summary, rationale, category and policy area: the same on the new-topic form and when editing. */
export function TopicTextFields({ value, onChange, errors }: { value: TopicText; onChange: (v: TopicText) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const categoryId = useId();
  const set = <K extends keyof TopicText>(k: K, v: TopicText[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack>
      <TextInput label={t('topics.fields.title')} description={t('topics.hints.title')} value={value.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} required maxLength={120} />
      <Textarea label={t('topics.fields.summary')} description={t('topics.hints.summary')} value={value.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errors.summary} required autosize minRows={3} maxLength={2000} />
      <Textarea label={t('topics.fields.rationale')} description={t('topics.hints.rationale')} value={value.rationale} onChange={(e) => set('rationale', e.currentTarget.value)} error={errors.rationale} required autosize minRows={4} maxLength={5000} />
      <Box>
        <Text size="sm" fw={500} mb={4} id={categoryId}>{t('topics.fields.category')}</Text>
        <SegmentedControl aria-labelledby={categoryId} value={value.category} onChange={(v) => set('category', v as TopicCategory)}
          data={(['consultation', 'supervision'] as const).map((v) => ({ value: v, label: t(`topics.category.${v}`) }))} />
      </Box>
      <Select label={t('topics.fields.policyArea')} value={value.policyArea} onChange={(v) => set('policyArea', v as PolicyArea | null)} error={errors.policyArea} required allowDeselect={false}
        data={POLICY_AREAS.map((a) => ({ value: a, label: t(`topics.policyArea.${a}`) }))} />
    </Stack>
  );
}
