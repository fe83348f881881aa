import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Present } from './presence';

/** Who is here: an avatar per person in their caret colour, names for screen readers and on hover. */
export function PresenceList({ present }: { present: Present[] }) {
  const { t } = useTranslation();
  if (present.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" aria-label={t('documents.presence.label', { count: present.length })} role="group">
      <Text size="sm" c="dimmed" visibleFrom="xs">{t('documents.presence.here', { count: present.length })}</Text>
      <ul aria-label={t('documents.presence.listLabel')} style={{ display: 'flex', gap: 4, listStyle: 'none', margin: 0, padding: 0 }}>
        {present.map((p) => (
          <li key={p.id} aria-label={p.self ? t('documents.presence.me', { name: p.name }) : p.name}>
            <Tooltip label={p.self ? t('documents.presence.me', { name: p.name }) : p.name} withArrow>
              <Avatar size={30} radius="xl" variant="filled" color={p.color} aria-hidden>
                {p.name.slice(-2)}
              </Avatar>
            </Tooltip>
          </li>
        ))}
      </ul>
    </Group>
  );
}
