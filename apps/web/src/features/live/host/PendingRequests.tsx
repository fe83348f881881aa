import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveEntry, LiveState } from '@xieshang/contracts';
import { currentSpeaker } from '@xieshang/domain';
import type { SendLiveCommand } from '../session/useLiveSession';
import { useEntryName } from '../shared/EntryTags';

/** Points of order and department requests waiting for the host: accept, refuse, or place. */
export function PendingRequests({ state, send }: { state: LiveState; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const pending = state.pending.map((id) => byId.get(id)).filter((e): e is LiveEntry => e !== undefined);
  const current = currentSpeaker(state);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="host-pending">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={3} size="h5" id="host-pending">
            {t('live.pending.title')}
          </Title>
          {pending.length > 0 && (
            <Badge color="red" circle aria-label={t('live.pending.count', { count: pending.length })}>
              {pending.length}
            </Badge>
          )}
        </Group>
        {pending.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('live.pending.empty')}
          </Text>
        )}
        {pending.map((e) => {
          const replyTo = e.replyToEntryId ? byId.get(e.replyToEntryId) : undefined;
          const place = (afterEntryId: string | null) => void send({ type: 'queue:insert-response', pendingEntryId: e.id, afterEntryId, mode: e.mode });
          return (
            <Paper key={e.id} withBorder p="xs" radius="sm" bg={e.kind === 'point_of_order' ? 'red.0' : 'grape.0'}>
              <Stack gap={6}>
                <Group gap={6} wrap="wrap">
                  <Badge color={e.kind === 'point_of_order' ? 'red' : 'grape'}>{t(`live.kind.${e.kind}`)}</Badge>
                  <Text fw={600}>{nameOf(e)}</Text>
                  {e.sectorName && (
                    <Text size="sm" c="dimmed">
                      {e.sectorName}
                    </Text>
                  )}
                  <Badge variant="outline" color="gray" size="sm">
                    {t(`live.mode.${e.mode}`)}
                  </Badge>
                </Group>
                {replyTo && <Text size="sm">{t('live.queue.replyTo', { name: nameOf(replyTo) })}</Text>}
                {e.kind === 'point_of_order' ? (
                  <Group gap="xs">
                    <Button size="xs" color="red" onClick={() => void send({ type: 'queue:accept-point-of-order', entryId: e.id, accept: true })}>
                      {t('live.pending.acceptPointOfOrder')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void send({ type: 'queue:accept-point-of-order', entryId: e.id, accept: false })}>
                      {t('live.pending.refuse')}
                    </Button>
                  </Group>
                ) : (
                  <Group gap="xs">
                    {replyTo && (
                      <Button size="xs" color="grape" onClick={() => place(replyTo.id)}>
                        {t('live.pending.placeAfterReplyTo', { name: nameOf(replyTo) })}
                      </Button>
                    )}
                    {current && current.id !== replyTo?.id && (
                      <Button size="xs" variant="light" color="grape" onClick={() => place(current.id)}>
                        {t('live.pending.placeAfterCurrent')}
                      </Button>
                    )}
                    <Button size="xs" variant="light" color="grape" onClick={() => place(null)}>
                      {t('live.pending.placeFront')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void send({ type: 'queue:skip', entryId: e.id })}>
                      {t('live.pending.refuse')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}
