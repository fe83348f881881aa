import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '@xieshang/contracts';
import { monthLabel } from './planLabels';

/** Who moved the plan when, at which meeting, with what comment; then each amendment since approval. */
export function PlanTrail({ plan, formatAt }: { plan: Plan; formatAt: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">{t('plans.trail.title')}</Title>
        {plan.approvals.length === 0 ? (
          <Text c="dimmed" size="sm">{t('plans.trail.empty')}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={plan.approvals.length - 1}>
            {plan.approvals.map((a) => (
              <Timeline.Item key={a.id} title={t(`plans.action.${a.action}`)}>
                <Text size="xs" c="dimmed">{t('plans.trail.by', { name: a.actorName ?? '—', at: formatAt(a.at) })}</Text>
                {a.meeting && <Text size="sm">{t('plans.trail.meeting', { meeting: a.meeting })}</Text>}
                {a.comment && <Text size="sm">{t('plans.trail.comment', { comment: a.comment })}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>
      {plan.amendments.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">{t('plans.amend.title')}</Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {plan.amendments.map((a) => (
              <Timeline.Item key={a.id} title={t('plans.amend.entry', { kind: t(`plans.amend.kind.${a.kind}`), title: (a.after ?? a.before)?.title ?? '' })}>
                <Text size="xs" c="dimmed">{t('plans.trail.by', { name: a.actorName ?? '—', at: formatAt(a.at) })}</Text>
                <Text size="sm">{t('plans.amend.reasonIs', { reason: a.reason })}</Text>
                {a.meeting && <Text size="sm">{t('plans.trail.meeting', { meeting: a.meeting })}</Text>}
                {a.kind === 'update' && a.before && a.after && a.before.plannedMonth !== a.after.plannedMonth && (
                  <Text size="sm">{t('plans.amend.monthChange', { from: monthLabel(t, a.before.plannedMonth), to: monthLabel(t, a.after.plannedMonth) })}</Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
    </Stack>
  );
}
