import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OUTCOME_CATEGORIES, OutcomeRoutes, type OutcomeCategory, type OutcomeInput } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useOutcomeSources, useRefreshOutcomes } from './outcomeQueries';
import { emptyRecipient, RecipientsEditor, recipientsToSend, type RecipientDraft } from './RecipientsEditor';
import { useOrgToday } from './useOrgToday';

/** Send a finalized document (协商专报, 建议案, 纪要) to its recipients: the outcome's first step. */
export function CreateOutcomeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshOutcomes();
  const { today } = useOrgToday();
  const sources = useOutcomeSources(opened);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [recipients, setRecipients] = useState<RecipientDraft[]>([emptyRecipient()]);
  const [sentOn, setSentOn] = useState(today);
  const [category, setCategory] = useState<OutcomeCategory>('consultation');
  const [isPublic, setPublic] = useState(false);
  const [publicSummary, setPublicSummary] = useState('');
  const [tried, setTried] = useState(false);

  const create = useMutation({
    mutationFn: (body: OutcomeInput) => api(OutcomeRoutes.createOutcome, { body }),
    onSuccess: (saved) => {
      refresh(saved);
      onClose();
      void navigate(`/outcomes/${saved.id}`);
    },
  });
  const { reset } = create;
  useEffect(() => {
    if (!opened) return;
    setDocumentId(null);
    setTitle('');
    setSummary('');
    setRecipients([emptyRecipient()]);
    setSentOn(today);
    setCategory('consultation');
    setPublic(false);
    setPublicSummary('');
    setTried(false);
    reset();
  }, [opened, reset, today]);

  const available = (sources.data ?? []).filter((s) => !s.outcomeId);
  const pick = (id: string | null) => {
    setDocumentId(id);
    const source = available.find((s) => s.documentId === id);
    if (source) {
      setTitle(source.title);
      if (source.category) setCategory(source.category);
    }
  };
  const toSend = recipientsToSend(recipients);
  const submit = () => {
    setTried(true);
    if (!documentId || !title.trim() || toSend.length === 0 || !sentOn) return;
    create.mutate({
      documentId,
      title: title.trim(),
      summary: summary.trim() || null,
      recipients: toSend,
      sentOn,
      category,
      public: isPublic,
      publicSummary: isPublic ? publicSummary.trim() || null : null,
    });
  };
  const required = t('outcomes.create.required');

  return (
    <Modal opened={opened} onClose={onClose} title={t('outcomes.create.title')} size="lg" centered>
      <Stack>
        <Select
          label={t('outcomes.create.document')}
          description={t('outcomes.create.documentHint')}
          placeholder={sources.isSuccess && available.length === 0 ? t('outcomes.create.noDocuments') : undefined}
          data={available.map((s) => ({ value: s.documentId, label: `${s.title}（${t(`outcomes.kind.${s.kind}`)}）` }))}
          value={documentId}
          onChange={pick}
          searchable
          required
          error={tried && !documentId ? required : undefined}
          data-autofocus
        />
        <TextInput label={t('outcomes.create.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required error={tried && !title.trim() ? required : undefined} />
        <Textarea label={t('outcomes.create.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxRows={8} maxLength={10000} />
        <RecipientsEditor rows={recipients} onChange={setRecipients} error={tried && toSend.length === 0 ? t('outcomes.recipient.required') : undefined} />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('outcomes.create.sentAt')} value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} required error={tried && !sentOn ? required : undefined} />
          <Select
            label={t('outcomes.create.category')}
            data={OUTCOME_CATEGORIES.map((c) => ({ value: c, label: t(`outcomes.category.${c}`) }))}
            value={category}
            onChange={(v) => setCategory((v ?? 'consultation') as OutcomeCategory)}
            allowDeselect={false}
          />
        </Group>
        <Switch label={t('outcomes.publication.public')} description={t('outcomes.publication.publicHint')} checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} />
        {isPublic && (
          <Textarea label={t('outcomes.publication.summary')} value={publicSummary} onChange={(e) => setPublicSummary(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        )}
        {create.error != null && <Alert color="red" role="alert">{errorText(t, create.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('outcomes.cancel')}</Button>
          <Button onClick={submit} loading={create.isPending}>{t('outcomes.create.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
