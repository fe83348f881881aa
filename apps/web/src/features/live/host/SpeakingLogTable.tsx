import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { speakingLog } from '@xieshang/domain';
import type { SendLiveCommand } from '../session/useLiveSession';
import { useEntryName } from '../shared/EntryTags';
import { formatDuration, useClockTime } from '../shared/useClockTime';

/** Every finished speech (it feeds the minutes and duty records), with "re-add" for a second turn. */
export function SpeakingLogTable({ state, send, timeZone }: { state: LiveState; send: SendLiveCommand; timeZone?: string }) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const clock = useClockTime(timeZone);
  const log = speakingLog(state);
  const agenda = new Map(state.agenda.map((a) => [a.id, a.title]));
  const canReAdd = state.status === 'live' || state.status === 'paused';
  if (log.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('live.log.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('live.log.time')}</Table.Th>
            <Table.Th>{t('live.fairness.member')}</Table.Th>
            <Table.Th>{t('live.log.kind')}</Table.Th>
            <Table.Th>{t('live.log.agendaItem')}</Table.Th>
            <Table.Th ta="right">{t('live.log.duration')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.map((l) => (
            <Table.Tr key={l.entryId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {clock(l.startedAt)}–{clock(l.endedAt)}
              </Table.Td>
              <Table.Td>
                {nameOf(l)}
                {l.sectorName && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {l.sectorName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`live.kind.${l.kind}`)}</Table.Td>
              <Table.Td>{(l.agendaItemId && agenda.get(l.agendaItemId)) ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatDuration(l.durationMs)}</Table.Td>
              <Table.Td>
                {canReAdd && (
                  <Button size="compact-xs" variant="subtle" onClick={() => void send({ type: 'queue:re-add', entryId: l.entryId })}>
                    {t('live.actions.reAdd')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
