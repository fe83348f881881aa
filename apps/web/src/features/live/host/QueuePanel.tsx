import { useState } from 'react';
import { Badge, Button, Divider, Group, Paper, Stack, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { nextEntries } from '@xieshang/domain';
import type { SendLiveCommand } from '../session/useLiveSession';
import { AddHandForm } from './AddHandForm';
import { InsertResponseModal } from './InsertResponseModal';
import { QueueList } from './QueueList';

/** The list of speakers: order, per-entry actions, closing the list, and hands added by the host. */
export function QueuePanel({ state, send }: { state: LiveState; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const [responseAfter, setResponseAfter] = useState<string | null>(null);
  const waiting = nextEntries(state, Number.MAX_SAFE_INTEGER).length;
  const ended = state.status === 'ended';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="host-queue">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4" id="host-queue">
              {t('live.queue.title')}
            </Title>
            <Badge variant="light">{t('live.queue.waiting', { count: waiting })}</Badge>
            {!state.listOpen && <Badge color="red">{t('live.queue.closedBadge')}</Badge>}
          </Group>
          <Button
            size="xs"
            variant="default"
            disabled={ended}
            leftSection={state.listOpen ? <IconLock size={16} aria-hidden /> : <IconLockOpen size={16} aria-hidden />}
            onClick={() => void send({ type: state.listOpen ? 'queue:close' : 'queue:reopen' })}
          >
            {state.listOpen ? t('live.queue.close') : t('live.queue.reopen')}
          </Button>
        </Group>
        <QueueList state={state} send={send} onInsertResponse={setResponseAfter} />
        <Divider />
        <AddHandForm state={state} send={send} />
      </Stack>
      <InsertResponseModal state={state} send={send} afterEntryId={responseAfter} onClose={() => setResponseAfter(null)} />
    </Paper>
  );
}
