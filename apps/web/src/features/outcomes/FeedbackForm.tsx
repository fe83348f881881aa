import { useRef, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADOPTIONS, OutcomeRoutes, type Adoption, type FeedbackAttachment, type FeedbackInput } from '@xieshang/contracts';
import { api, upload } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { MATERIAL_ACCEPT, MATERIAL_MAX_MB, materialProblem } from '../meetings/materialFiles';
import { feedbackProblems, reasonField, toFeedbackInput, type FeedbackDraft } from './feedbackDraft';
import { useRefreshOutcomes } from './outcomeQueries';

/**
 * The liaison's feedback on one assignment: adoption, the reason when not adopted, the measures
 * taken, and files (uploaded one by one as they are picked, then named in the feedback).
 */
export function FeedbackForm({ assignmentId, onDone, onCancel }: { assignmentId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshOutcomes();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<FeedbackDraft>({ adoption: null, reason: '', measures: '', attachmentIds: [] });
  const [files, setFiles] = useState<FeedbackAttachment[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<FeedbackDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const send = useMutation({
    mutationFn: (body: FeedbackInput) => api(OutcomeRoutes.submitFeedback, { params: { id: assignmentId }, body }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: t('outcomes.feedback.submitted') });
      onDone();
    },
  });
  const attach = useMutation({
    mutationFn: async (picked: File[]) => {
      const out: FeedbackAttachment[] = [];
      for (const f of picked) out.push(await upload(OutcomeRoutes.uploadFeedbackAttachment, f, { params: { id: assignmentId }, fileName: f.name }));
      return out;
    },
    onSuccess: (added) => setFiles((prev) => [...prev, ...added]),
  });
  const take = (list: FileList | null) => {
    const picked = [...(list ?? [])];
    setFileProblems(picked.flatMap((f) => { const p = materialProblem(f); return p ? [t(`outcomes.feedback.fileProblem.${p}`, { name: f.name, max: MATERIAL_MAX_MB })] : []; }));
    const good = picked.filter((f) => !materialProblem(f));
    if (good.length) attach.mutate(good);
    if (input.current) input.current.value = '';
  };

  const problems = feedbackProblems(draft);
  const shown = (p: (typeof problems)[number]) => (tried && problems.includes(p) ? t(`outcomes.feedback.${p}`) : undefined);
  const reason = reasonField(draft.adoption);
  const submit = () => {
    setTried(true);
    if (problems.length === 0) send.mutate(toFeedbackInput({ ...draft, attachmentIds: files.map((f) => f.id) }));
  };

  return (
    // noValidate: the form's own messages (beside each field, in the UI language) replace the browser's bubbles.
    <form noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={t('outcomes.feedback.title')}>
      <Stack gap="sm">
        <Radio.Group label={t('outcomes.feedback.adoption')} value={draft.adoption} onChange={(v) => set({ adoption: v as Adoption })} required error={shown('adoptionRequired')}>
          <Group gap="md" mt={4}>
            {ADOPTIONS.map((a) => <Radio key={a} value={a} label={t(`outcomes.adoption.${a}`)} />)}
          </Group>
        </Radio.Group>
        {reason !== 'hidden' && (
          <Textarea
            label={t(reason === 'required' ? 'outcomes.feedback.reason' : 'outcomes.feedback.note')}
            value={draft.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            required={reason === 'required'}
            autosize
            minRows={2}
            maxLength={4000}
            error={shown('reasonRequired')}
          />
        )}
        <Textarea
          label={t('outcomes.feedback.measures')}
          value={draft.measures}
          onChange={(e) => set({ measures: e.currentTarget.value })}
          required
          autosize
          minRows={4}
          maxLength={10000}
          error={shown('measuresRequired')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('outcomes.feedback.attachments')}</Text>
          <Text size="xs" c="dimmed">{t('outcomes.feedback.attachmentsHint', { max: MATERIAL_MAX_MB })}</Text>
          {files.map((f) => (
            <Group key={f.id} gap={6} wrap="nowrap">
              <IconPaperclip size={14} aria-hidden />
              <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>{f.fileName}</Text>
              <ActionIcon variant="subtle" color="gray" aria-label={t('outcomes.feedback.removeFile', { name: f.fileName })} onClick={() => setFiles((prev) => prev.filter((x) => x.id !== f.id))}>
                <IconX size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <input ref={input} type="file" multiple accept={MATERIAL_ACCEPT} hidden onChange={(e) => take(e.currentTarget.files)} aria-label={t('outcomes.feedback.addFile')} data-testid="feedback-file" />
          <Group>
            <Button size="xs" variant="default" leftSection={<IconPaperclip size={14} aria-hidden />} onClick={() => input.current?.click()} loading={attach.isPending}>
              {t('outcomes.feedback.addFile')}
            </Button>
          </Group>
          {fileProblems.map((p) => <Text key={p} size="xs" c="red" role="alert">{p}</Text>)}
          {attach.error != null && <Text size="xs" c="red" role="alert">{errorText(t, attach.error)}</Text>}
        </Stack>
        {send.error != null && <Alert color="red" role="alert">{errorText(t, send.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('outcomes.cancel')}</Button>
          <Button type="submit" loading={send.isPending} disabled={attach.isPending}>{t('outcomes.feedback.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
