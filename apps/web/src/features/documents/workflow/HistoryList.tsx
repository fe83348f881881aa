import { Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentHistoryEntry } from '@xieshang/contracts';
import { useOrgTime } from '../../attendance/useOrgTime';

/** What the step was about (a version's name, a person, a new title), from the server's details. */
function detailText(t: TFunction, details: Record<string, string>): string | null {
  const { versionName, userName, role, from, to } = details;
  if (versionName) return versionName;
  if (userName) return role === 'editor' || role === 'commenter' ? `${userName} · ${t(`documents.role.${role}`)}` : userName;
  if (from && to) return `${from} → ${to}`;
  return to ?? null;
}

/** The recorded steps of the document, newest first: who did what and when, with the reason given. */
export function HistoryList({ history }: { history: DocumentHistoryEntry[] }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  if (history.length === 0) return <Text size="sm" c="dimmed">{t('documents.history.empty')}</Text>;
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label={t('documents.history.label')}>
      {entries.map((h) => (
        <Timeline.Item key={h.id} title={t(`documents.history.kind.${h.kind}`)}>
          {h.details && detailText(t, h.details) && <Text size="sm">{detailText(t, h.details)}</Text>}
          <Text size="xs" c="dimmed">{h.actorName ?? t('documents.history.system')} · {time.dateTime(h.at)}</Text>
          {h.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{h.comment}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
