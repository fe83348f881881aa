import { useState } from 'react';
import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assignment, SessionUser } from '@xieshang/contracts';
import { assignmentMachine } from '@xieshang/domain';
import { AssignmentStateBadge } from './AssignmentStateBadge';
import { DeadlineBadge } from './DeadlineBadge';
import { EvaluateDialog, type Decision } from './EvaluateDialog';
import { FeedbackItem } from './FeedbackItem';
import { useOrgToday } from './useOrgToday';

/** Rounds newest first (the current one on top), and within a round the lead department first. */
export function groupByRound(assignments: readonly Assignment[]): { round: number; items: Assignment[] }[] {
  const rounds = new Map<number, Assignment[]>();
  for (const a of assignments) rounds.set(a.round, [...(rounds.get(a.round) ?? []), a]);
  return [...rounds.entries()]
    .sort(([a], [b]) => b - a)
    .map(([round, items]) => ({ round, items: [...items].sort((x, y) => (x.role === y.role ? x.departmentName.localeCompare(y.departmentName) : x.role === 'lead' ? -1 : 1)) }));
}

/** 承办单位与反馈: each department's deadline, state and feedback; the office evaluates from here. */
export function AssignmentsCard({ assignments, user }: { assignments: readonly Assignment[]; user: SessionUser | null | undefined }) {
  const { t } = useTranslation();
  const { today, day } = useOrgToday();
  const [evaluating, setEvaluating] = useState<{ assignment: Assignment; decision: Decision } | null>(null);
  const rounds = groupByRound(assignments);
  const allowed = (a: Assignment) => (user ? assignmentMachine.allowedActions(user, { state: a.state, departmentId: a.departmentId, current: a.current }) : []);

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">{t('outcomes.detail.assignments')}</Title>
      {rounds.length === 0 && <Text c="dimmed" size="sm">{t('outcomes.detail.noAssignments')}</Text>}
      <Stack gap="lg">
        {rounds.map(({ round, items }) => (
          <Stack key={round} gap="sm" component="section" aria-label={t('outcomes.detail.round', { round })}>
            {rounds.length > 1 && <Divider label={t('outcomes.detail.round', { round })} labelPosition="left" />}
            {items.map((a) => {
              const actions = allowed(a);
              const feedback = [...a.feedback].sort((x, y) => y.submittedAt.localeCompare(x.submittedAt));
              return (
                <Paper key={a.id} withBorder p="sm" bg={a.current ? undefined : 'gray.0'} data-testid="assignment">
                  <Group justify="space-between" gap="xs" mb={6}>
                    <Group gap="xs">
                      <Text fw={600}>{a.departmentName}</Text>
                      <Badge variant="outline" color={a.role === 'lead' ? 'blue' : 'gray'}>{t(`outcomes.role.${a.role}`)}</Badge>
                      <AssignmentStateBadge state={a.state} />
                    </Group>
                    <Group gap="xs">
                      <Text size="sm">{t('outcomes.assign.deadlineIs', { date: day(a.deadline ?? a.firstDeadline) })}</Text>
                      <DeadlineBadge deadline={a.deadline} today={today} overdue={a.overdue} answered={a.state !== 'assigned'} />
                    </Group>
                  </Group>
                  <Text size="xs" c="dimmed" mb={6}>{t(`outcomes.cadence.${a.cadence}`)}</Text>
                  <Stack gap="xs">
                    {feedback.length === 0 && <Text size="sm" c="dimmed">{t('outcomes.detail.noFeedback')}</Text>}
                    {feedback.map((f) => <FeedbackItem key={f.id} feedback={f} departmentName={a.departmentName} />)}
                  </Stack>
                  {actions.length > 0 && (
                    <Group gap="xs" mt="sm">
                      {actions.includes('evaluate') && <Button size="xs" onClick={() => setEvaluating({ assignment: a, decision: 'accept' })}>{t('outcomes.action.evaluate')}</Button>}
                      {actions.includes('send_back') && <Button size="xs" color="orange" variant="light" onClick={() => setEvaluating({ assignment: a, decision: 'send_back' })}>{t('outcomes.action.send_back')}</Button>}
                    </Group>
                  )}
                </Paper>
              );
            })}
          </Stack>
        ))}
      </Stack>
      <EvaluateDialog assignment={evaluating?.assignment ?? null} decision={evaluating?.decision ?? 'accept'} onClose={() => setEvaluating(null)} />
    </Paper>
  );
}
