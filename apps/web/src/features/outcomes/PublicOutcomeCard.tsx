import { Badge, Group, Paper, Progress, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicOutcome } from '@xieshang/contracts';
import { formatDay } from './deadlines';
import { AdoptionBadge } from './FeedbackItem';
import { OutcomeStateBadge } from './OutcomeStateBadge';
import { progressStep } from './publicProgress';

/** One published outcome on the public page: what it asked, where it stands, what each department answered. */
export function PublicOutcomeCard({ outcome: o }: { outcome: PublicOutcome }) {
  const { t, i18n } = useTranslation();
  const day = (d: string | null) => formatDay(d, i18n.language);
  const { step, of } = progressStep(o.state);
  const current = o.progress.filter((p) => p.round === o.round);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`pub-${o.id}`} data-testid="public-outcome">
      <Stack gap="sm">
        <Title order={2} size="h4" id={`pub-${o.id}`}>{o.title}</Title>
        <Group gap={6}>
          <OutcomeStateBadge state={o.state} />
          <Badge variant="outline">{t(`outcomes.kind.${o.kind}`)}</Badge>
          <Badge variant="outline" color="gray">{t(`outcomes.category.${o.category}`)}</Badge>
          <Badge variant="outline" color="gray">{o.year}</Badge>
        </Group>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="xs" c="dimmed">{t('outcomes.public.progress')}</Text>
            <Text size="xs" c="dimmed">{t('outcomes.public.steps', { done: step, total: of })}</Text>
          </Group>
          <Progress value={(step / of) * 100} color={o.state === 'closed' ? 'green' : 'blue'} aria-label={t('outcomes.public.progressLabel', { done: step, total: of, state: t(`outcomes.state.${o.state}`) })} />
        </div>
        <Text size="xs" c="dimmed">
          {t('outcomes.public.sentAt', { date: day(o.sentOn) })}
          {o.instructionCount > 0 ? ` · ${t('outcomes.public.instructed', { count: o.instructionCount })}` : ''}
          {o.round > 1 ? ` · ${t('outcomes.detail.round', { round: o.round })}` : ''}
        </Text>
        {o.publicSummary && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{o.publicSummary}</Text>}
        {current.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>{t('outcomes.public.feedbackSummary')}</Text>
            {current.map((p) => (
              <Paper key={`${p.departmentName}-${p.round}`} withBorder p="xs" bg="gray.0">
                <Group justify="space-between" gap={6}>
                  <Text size="sm" fw={500}>{p.departmentName}（{t(`outcomes.role.${p.role}`)}）</Text>
                  <Group gap={6}>
                    {p.adoption ? <AdoptionBadge adoption={p.adoption} /> : <Badge variant="light" color="gray">{t(`outcomes.assignmentState.${p.state}`)}</Badge>}
                    {p.overdue && <Badge color="red">{t('outcomes.deadline.overdueBadge')}</Badge>}
                  </Group>
                </Group>
                {p.deadline && !p.adoption && <Text size="xs" c="dimmed">{t('outcomes.assign.deadlineIs', { date: day(p.deadline) })}</Text>}
                {p.feedbackOn && <Text size="xs" c="dimmed">{t('outcomes.public.feedbackOn', { date: day(p.feedbackOn) })}</Text>}
                {p.measures && (
                  <Spoiler maxHeight={66} showLabel={t('outcomes.assignments.more')} hideLabel={t('outcomes.assignments.less')} mt={4}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{p.measures}</Text>
                  </Spoiler>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">{t('outcomes.public.updatedAt', { date: day(o.updatedAt.slice(0, 10)) })}</Text>
      </Stack>
    </Paper>
  );
}
