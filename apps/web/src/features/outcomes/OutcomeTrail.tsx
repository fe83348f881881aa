import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeTrailEntry } from '@xieshang/contracts';
import { useOrgTime } from '../attendance/useOrgTime';

/** 办理记录: every step with who, when, which department and round, and the comment given. */
export function OutcomeTrail({ trail, title }: { trail: readonly OutcomeTrailEntry[]; title?: string }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const entries = [...trail].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">{title ?? t('outcomes.detail.trail')}</Title>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">{t('outcomes.detail.trailEmpty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={entries.length - 1}>
          {entries.map((e) => (
            <Timeline.Item key={e.id} title={e.departmentName ? `${t(`outcomes.trailAction.${e.action}`)} · ${e.departmentName}` : t(`outcomes.trailAction.${e.action}`)}>
              <Text size="xs" c="dimmed">
                {t('outcomes.detail.by', { name: e.actorName ?? '—', at: time.dateTime(e.at) })}
                {e.round && e.round > 1 ? ` · ${t('outcomes.detail.round', { round: e.round })}` : ''}
              </Text>
              {e.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{t('outcomes.detail.comment', { comment: e.comment })}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
