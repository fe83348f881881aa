import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DutyKindTotal, DutyScore } from '@xieshang/contracts';
import { formatPoints, formatScore } from './dutyView';

/** The year's score in large type, how it is made up, and the points per kind of event. */
export function DutyScoreCard({ score, kinds, rulesVersion }: { score: DutyScore; kinds: DutyKindTotal[]; rulesVersion: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <div>
            <Text size="sm" c="dimmed" id="duty-total-label">{t('duty.score.total')}</Text>
            <Text fz={44} fw={700} lh={1} aria-labelledby="duty-total-label" data-testid="duty-total">{formatScore(score.total)}</Text>
          </div>
          <Text size="xs" c="dimmed">{rulesVersion === 0 ? t('duty.score.defaultRules') : t('duty.score.rulesVersion', { version: rulesVersion })}</Text>
        </Group>
        <SimpleGrid cols={3} spacing="xs">
          <Figure label={t('duty.score.base')} value={formatScore(score.base)} />
          <Figure label={t('duty.score.bonus')} value={formatPoints(score.bonus)} color="teal" />
          <Figure label={t('duty.score.deductions')} value={score.deductions ? formatPoints(-score.deductions) : '0'} color={score.deductions ? 'red' : undefined} />
        </SimpleGrid>
        {score.capped && <Badge variant="light" color="yellow" style={{ alignSelf: 'flex-start' }}>{t('duty.score.capped')}</Badge>}
        {kinds.length > 0 && (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duty.score.byKind')}>
            {kinds.map((k) => (
              <Group key={k.kind} component="li" justify="space-between" wrap="nowrap">
                <Text size="sm">{t(`duty.kinds.${k.kind}`)} <Text span c="dimmed" size="sm">× {k.count}</Text></Text>
                <Text size="sm" fw={500}>{formatPoints(k.awarded)}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} size="lg" c={color}>{value}</Text>
    </div>
  );
}
