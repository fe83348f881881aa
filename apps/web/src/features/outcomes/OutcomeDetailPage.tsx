import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OutcomeAction } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { AssignmentsCard } from './AssignmentsCard';
import { CloseOutcomeDialog } from './CloseOutcomeDialog';
import { InstructionModal } from './InstructionModal';
import { InstructionsList } from './InstructionsList';
import { OutcomeOverview } from './OutcomeOverview';
import { OutcomeStateBadge } from './OutcomeStateBadge';
import { OutcomeTrail } from './OutcomeTrail';
import { PublicationCard } from './PublicationCard';
import { RoundModal } from './RoundModal';
import { useOutcome } from './outcomeQueries';

/** The steps offered as buttons, in the order of the flow. */
const BUTTONS: readonly OutcomeAction[] = ['record_instruction', 'assign', 'close', 'follow_up'];

/** One outcome: what was sent to whom, the 批示, each department's deadline and feedback, and the trail. */
export function OutcomeDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useSession();
  const q = useOutcome(id);
  const [open, setOpen] = useState<OutcomeAction | null>(null);
  const manages = hasPermission(user, 'outcomes.manage');

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  if (!o) return <Text c="dimmed" aria-busy>{t('outcomes.loading')}</Text>;
  const actions = BUTTONS.filter((a) => o.allowedActions.includes(a));
  const isLeader = !!user?.roles.includes('leader') && !manages;

  return (
    <Stack>
      <Anchor component={Link} to="/outcomes" size="sm">{t('outcomes.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{o.title}</Title>
          <Group gap="xs" mt={6}>
            <OutcomeStateBadge state={o.state} />
            <Badge variant="outline">{t(`outcomes.kind.${o.kind}`)}</Badge>
            {o.round > 1 && <Badge variant="outline" color="grape">{t('outcomes.detail.round', { round: o.round })}</Badge>}
            {o.overdue && <Badge color="red">{t('outcomes.deadline.overdueBadge')}</Badge>}
            {o.public && <Badge variant="outline" color="teal">{t('outcomes.list.public')}</Badge>}
          </Group>
        </div>
        {actions.length > 0 && (
          <Group gap="xs" role="group" aria-label={t('outcomes.detail.actions')}>
            {actions.map((a) => (
              <Button key={a} variant={a === 'close' ? 'filled' : 'light'} color={a === 'close' ? 'green' : undefined} onClick={() => setOpen(a)}>
                {t(`outcomes.action.${a}`)}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <OutcomeOverview outcome={o} />
            <Paper withBorder p="md">
              <Title order={3} size="h5" mb="sm">{t('outcomes.detail.instructions')}</Title>
              <InstructionsList instructions={o.instructions} />
            </Paper>
            <AssignmentsCard assignments={o.assignments} user={user} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {manages && <PublicationCard outcome={o} />}
            <OutcomeTrail trail={o.trail} />
          </Stack>
        </Grid.Col>
      </Grid>
      <InstructionModal outcomeId={o.id} opened={open === 'record_instruction'} onClose={() => setOpen(null)} defaultLeader={isLeader ? (user?.name ?? '') : ''} />
      <RoundModal outcomeId={o.id} mode={open === 'assign' || open === 'follow_up' ? open : null} onClose={() => setOpen(null)} />
      <CloseOutcomeDialog outcomeId={o.id} title={o.title} opened={open === 'close'} onClose={() => setOpen(null)} />
    </Stack>
  );
}
