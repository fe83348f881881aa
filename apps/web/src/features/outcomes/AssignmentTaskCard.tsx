import { useState } from 'react';
import { Alert, Badge, Button, Collapse, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '@xieshang/contracts';
import { AssignmentStateBadge } from './AssignmentStateBadge';
import { DeadlineBadge } from './DeadlineBadge';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackItem } from './FeedbackItem';
import { InstructionsList } from './InstructionsList';
import { useOrgToday } from './useOrgToday';

/** The office's latest send-back comment, while the department still has to answer it. */
export function pendingSendBack(a: AssignmentView): string | null {
  if (a.state !== 'assigned') return null;
  const last = [...a.trail].sort((x, y) => y.at.localeCompare(x.at))[0];
  return last?.action === 'send_back' ? (last.comment ?? '') : null;
}

/** One task in the liaison's portal: what was asked, by when, the 批示, and this department's feedback so far. */
export function AssignmentTaskCard({ assignment: a }: { assignment: AssignmentView }) {
  const { t } = useTranslation();
  const { today, day } = useOrgToday();
  const [writing, setWriting] = useState(false);
  const canSubmit = a.allowedActions.includes('submit_feedback');
  const sentBack = pendingSendBack(a);
  const history = [...a.feedback].sort((x, y) => y.submittedAt.localeCompare(x.submittedAt));
  const partners = a.partners.map((p) => `${p.departmentName}（${t(`outcomes.role.${p.role}`)}）`).join('、');

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`task-${a.id}`} data-testid="assignment-task">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={`task-${a.id}`} style={{ flex: '1 1 240px' }}>{a.outcomeTitle}</Title>
          <Group gap={6}>
            <Badge variant="outline" color={a.role === 'lead' ? 'blue' : 'gray'}>{t(`outcomes.role.${a.role}`)}</Badge>
            <AssignmentStateBadge state={a.state} />
          </Group>
        </Group>
        <Group gap="xs">
          <Text size="sm">{t('outcomes.assign.deadlineIs', { date: day(a.deadline ?? a.firstDeadline) })}</Text>
          <DeadlineBadge deadline={a.deadline} today={today} overdue={a.overdue} answered={a.state !== 'assigned'} />
          <Text size="xs" c="dimmed">{t(`outcomes.cadence.${a.cadence}`)}{a.round > 1 ? ` · ${t('outcomes.detail.round', { round: a.round })}` : ''}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`outcomes.kind.${a.outcomeKind}`)} · {t('outcomes.assignments.sentOn', { date: day(a.sentOn) })}
          {partners ? ` · ${t('outcomes.assignments.partners', { partners })}` : ''}
        </Text>
        {a.outcomeSummary && (
          <Spoiler maxHeight={66} showLabel={t('outcomes.assignments.more')} hideLabel={t('outcomes.assignments.less')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.outcomeSummary}</Text>
          </Spoiler>
        )}
        {a.instructions.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('outcomes.detail.instructions')}</Text>
            <InstructionsList instructions={a.instructions} />
          </Stack>
        )}
        {sentBack !== null && (
          <Alert color="orange" title={t('outcomes.assignments.returnedHint')} role="status">
            {sentBack || t('outcomes.none')}
          </Alert>
        )}
        {a.state === 'feedback_received' && <Text size="sm" c="dimmed">{t('outcomes.assignments.waiting')}</Text>}
        {canSubmit && !writing && (
          <Group>
            <Button onClick={() => setWriting(true)}>{sentBack !== null ? t('outcomes.assignments.resubmit') : t('outcomes.assignments.respond')}</Button>
          </Group>
        )}
        <Collapse expanded={writing}>
          {writing && <FeedbackForm assignmentId={a.id} onDone={() => setWriting(false)} onCancel={() => setWriting(false)} />}
        </Collapse>
        <Stack gap="xs">
          <Text size="sm" fw={500}>{t('outcomes.assignments.history')}</Text>
          {history.length === 0 ? <Text size="sm" c="dimmed">{t('outcomes.assignments.noHistory')}</Text> : history.map((f) => <FeedbackItem key={f.id} feedback={f} departmentName={a.departmentName} />)}
        </Stack>
      </Stack>
    </Paper>
  );
}
