import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentAction, DocumentDetail } from '@xieshang/contracts';
import { errorText } from '../../../lib/errors';
import { useOrgTime } from '../../attendance/useOrgTime';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { useDocumentMutations } from '../documentQueries';

const STEPS = ['draft', 'in_review', 'finalized'] as const;

/**
 * Where the document stands (草稿 → 审阅中 → 已定稿) and the steps this user may take now, as the server
 * lists them: submit for review; send back (with a reason, required); finalize (confirmed: it cannot be undone).
 */
export function StateBar({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const { transition } = useDocumentMutations(doc.id);
  const [asking, setAsking] = useState<DocumentAction | null>(null);
  const [reason, setReason] = useState('');
  const run = (action: DocumentAction, comment?: string) =>
    transition.mutate({ action, comment }, { onSuccess: () => setAsking(null) });
  const ask = (action: DocumentAction) => {
    transition.reset();
    setReason('');
    if (action === 'submit_for_review') run(action);
    else setAsking(action);
  };
  const current = STEPS.indexOf(doc.state);
  return (
    <Paper withBorder p="xs" radius="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} component="ol" aria-label={t('documents.stateBar.label')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {STEPS.map((s, i) => (
            <Text key={s} component="li" size="sm" fw={i === current ? 700 : 400} c={i <= current ? undefined : 'dimmed'} aria-current={i === current ? 'step' : undefined}>
              {i > 0 && <span aria-hidden> → </span>}
              {t(`documents.state.${s}`)}
            </Text>
          ))}
        </Group>
        <Group gap="xs">
          {doc.allowedActions.includes('submit_for_review') && (
            <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} loading={transition.isPending && transition.variables?.action === 'submit_for_review'} onClick={() => ask('submit_for_review')}>
              {t('documents.action.submit_for_review')}
            </Button>
          )}
          {doc.allowedActions.includes('send_back') && (
            <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => ask('send_back')}>
              {t('documents.action.send_back')}
            </Button>
          )}
          {doc.allowedActions.includes('finalize') && (
            <Button size="xs" color="green" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => ask('finalize')}>
              {t('documents.action.finalize')}
            </Button>
          )}
        </Group>
      </Group>
      {doc.final && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('documents.stateBar.finalized', { name: doc.final.finalizedByName ?? '—', time: time.dateTime(doc.final.finalizedAt) })}
          {' · '}
          <span title={doc.final.sha256} style={{ fontFamily: 'monospace' }}>SHA-256 {doc.final.sha256.slice(0, 16)}…</span>
        </Text>
      )}
      {transition.error && asking === null && <Alert color="red" role="alert" mt="xs" p="xs">{errorText(t, transition.error)}</Alert>}

      <Modal opened={asking === 'send_back'} onClose={() => setAsking(null)} title={t('documents.action.sendBackTitle')} centered>
        <form onSubmit={(e) => { e.preventDefault(); if (reason.trim()) run('send_back', reason.trim()); }}>
          <Stack gap="sm">
            <Textarea label={t('documents.action.sendBackReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={3} maxLength={2000} data-autofocus />
            {transition.error && <Alert color="red" role="alert">{errorText(t, transition.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>{t('common.cancel')}</Button>
              <Button type="submit" disabled={!reason.trim()} loading={transition.isPending}>{t('documents.action.send_back')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDialog opened={asking === 'finalize'} title={t('documents.action.finalizeTitle')} message={t('documents.action.finalizeMessage')}
        confirmLabel={t('documents.action.finalize')} loading={transition.isPending} error={transition.error}
        onConfirm={() => run('finalize')} onCancel={() => setAsking(null)} />
    </Paper>
  );
}
