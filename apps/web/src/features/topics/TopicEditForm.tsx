import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TopicRoutes, type Topic } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { TopicTextFields, type TopicText } from './TopicTextFields';
import { TOPICS_KEY, topicKey } from './topicQueries';

const FIELDS = ['title', 'summary', 'rationale', 'category', 'policyArea'] as const;

/** Correct a topic's text (the proposer before screening, the office until it is selected). */
export function TopicEditForm({ topic, onDone }: { topic: Topic; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState<TopicText>({ title: topic.title, summary: topic.summary, rationale: topic.rationale, category: topic.category, policyArea: topic.policyArea });
  const save = useMutation({
    mutationFn: () => api(TopicRoutes.updateTopic, { params: { id: topic.id }, body: { ...value, policyArea: value.policyArea ?? undefined } }),
    onSuccess: (saved) => {
      client.setQueryData(topicKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: TOPICS_KEY });
      onDone();
    },
  });
  const { fields, general } = formErrors(t, save.error, FIELDS);
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <TopicTextFields value={value} onChange={setValue} errors={fields} />
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('topics.detail.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('topics.detail.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
