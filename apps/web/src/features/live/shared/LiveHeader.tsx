import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { LiveStatusBadge } from './LiveStatusBadge';

interface Props {
  title: string;
  state: LiveState;
  presenceCount: number;
  actions?: ReactNode;
}

/** Meeting title, the agenda item under discussion, the session status and who is connected. */
export function LiveHeader({ title, state, presenceCount, actions }: Props) {
  const { t } = useTranslation();
  const item = state.agenda[state.agendaIndex];
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
      <Stack gap={4} miw={0} style={{ flex: 1 }}>
        <Title order={2} fz={{ base: 'h3', sm: 'h2' }}>
          {title}
        </Title>
        {item && (
          <Text size="sm" c="dimmed">
            {t('live.agenda.current', { index: state.agendaIndex + 1, total: state.agenda.length, title: item.title })}
          </Text>
        )}
        <Group gap="xs">
          <LiveStatusBadge status={state.status} size="md" />
          <Badge variant="outline" color="gray" leftSection={<IconUsers size={14} aria-hidden />}>
            {t('live.presence.count', { count: presenceCount })}
          </Badge>
          {!state.listOpen && state.status !== 'ended' && (
            <Badge variant="light" color="red">
              {t('live.queue.closedBadge')}
            </Badge>
          )}
        </Group>
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
