import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeRoutes, type Feedback } from '@xieshang/contracts';
import { download } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useOrgTime } from '../attendance/useOrgTime';

const ADOPTION_COLORS = { adopted: 'green', partly: 'teal', under_study: 'blue', not_adopted: 'red' } as const;
const STATE_COLORS = { pending: 'yellow', accepted: 'green', sent_back: 'orange' } as const;

export function AdoptionBadge({ adoption }: { adoption: Feedback['adoption'] }) {
  const { t } = useTranslation();
  return <Badge color={ADOPTION_COLORS[adoption]} variant="light">{t(`outcomes.adoption.${adoption}`)}</Badge>;
}

/** One feedback as both sides see it: adoption, reason, measures, files, and the office's verdict and comment. */
export function FeedbackItem({ feedback, departmentName }: { feedback: Feedback; departmentName?: string }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const fetchFile = (attachmentId: string, name: string) => {
    setDownloadError(null);
    download(OutcomeRoutes.downloadFeedbackAttachment, name, { params: { id: feedback.assignmentId, attachmentId } }).catch(setDownloadError);
  };
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={t('outcomes.feedback.itemLabel', { at: time.dateTime(feedback.submittedAt) })}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <AdoptionBadge adoption={feedback.adoption} />
            <Badge color={STATE_COLORS[feedback.state]} variant="outline">{t(`outcomes.feedback.status.${feedback.state}`)}</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('outcomes.feedback.by', { department: departmentName ?? '', name: feedback.submittedByName ?? '—', at: time.dateTime(feedback.submittedAt) })}
          </Text>
        </Group>
        {feedback.reason && <Text size="sm"><b>{t(feedback.adoption === 'not_adopted' ? 'outcomes.feedback.reason' : 'outcomes.feedback.note')}：</b>{feedback.reason}</Text>}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{feedback.measures}</Text>
        {feedback.attachments.length > 0 && (
          <Group gap="sm">
            {feedback.attachments.map((a) => (
              <Anchor key={a.id} component="button" type="button" size="sm" onClick={() => fetchFile(a.id, a.fileName)}>
                <Group gap={4} wrap="nowrap"><IconPaperclip size={14} aria-hidden />{a.fileName}</Group>
              </Anchor>
            ))}
          </Group>
        )}
        {downloadError != null && <Text size="xs" c="red" role="alert">{errorText(t, downloadError)}</Text>}
        {feedback.evaluationComment && (
          <Text size="sm" c={feedback.state === 'sent_back' ? 'orange.8' : 'dimmed'}>
            {t('outcomes.feedback.officeComment', { comment: feedback.evaluationComment })}
            {feedback.evaluatedAt ? ` · ${time.dateTime(feedback.evaluatedAt)}` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
