import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Switch, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OutcomeRoutes, type Outcome, type OutcomePatch } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useRefreshOutcomes } from './outcomeQueries';

/** 向社会公开: the office decides whether the public page shows this outcome and with which summary. */
export function PublicationCard({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const refresh = useRefreshOutcomes();
  const [isPublic, setPublic] = useState(outcome.public);
  const [summary, setSummary] = useState(outcome.publicSummary ?? '');
  useEffect(() => {
    setPublic(outcome.public);
    setSummary(outcome.publicSummary ?? '');
  }, [outcome.public, outcome.publicSummary]);
  const save = useMutation({
    mutationFn: (body: OutcomePatch) => api(OutcomeRoutes.updateOutcome, { params: { id: outcome.id }, body }),
    onSuccess: (saved) => {
      refresh(saved);
      notifications.show({ color: 'green', message: t('outcomes.publication.saved') });
    },
  });
  const dirty = isPublic !== outcome.public || summary.trim() !== (outcome.publicSummary ?? '');
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">{t('outcomes.publication.title')}</Title>
      <Stack gap="sm">
        <Switch label={t('outcomes.publication.public')} description={t('outcomes.publication.publicHint')} checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} />
        <Textarea label={t('outcomes.publication.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={4000} disabled={!isPublic} />
        {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
        <Group justify="space-between">
          {outcome.public ? <Anchor component={Link} to="/accountability" size="sm">{t('outcomes.publication.view')}</Anchor> : <span />}
          <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate({ public: isPublic, publicSummary: summary.trim() || null })}>{t('outcomes.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
