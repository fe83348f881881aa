import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIVE_LIMITS, type LiveState } from '@xieshang/contracts';
import { speakingTotals, unreached } from '@xieshang/domain';
import type { SendLiveCommand } from '../session/useLiveSession';
import { useEntryName } from '../shared/EntryTags';
import { formatDuration } from '../shared/useClockTime';
import { useServerNow } from '../shared/useCountdown';

/** Fairness aids: first-time speakers first, time spoken per member and sector, who asked and was not reached. */
export function FairnessPanel({ state, send, clockOffsetMs }: { state: LiveState; send: SendLiveCommand; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const now = useServerNow(clockOffsetMs);
  const totals = speakingTotals(state, now);
  const waiting = unreached(state);
  const ended = state.status === 'ended';

  return (
    <Stack gap="md">
      <Switch
        checked={state.settings.firstTimeFirst}
        disabled={ended}
        onChange={(e) => void send({ type: 'settings:update', firstTimeFirst: e.currentTarget.checked })}
        label={t('live.fairness.firstTimeFirst')}
        description={t('live.fairness.firstTimeFirstHint')}
      />
      {/* keyed by the limit: a change made on another host's screen resets the field */}
      <SpeakingLimitForm key={state.speakingLimitMs} limitMs={state.speakingLimitMs} disabled={ended} send={send} />

      <Title order={4} size="h6">
        {t('live.fairness.byMember')}
      </Title>
      {totals.byMember.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('live.fairness.noneYet')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('live.fairness.member')}</Table.Th>
              <Table.Th>{t('live.fairness.sector')}</Table.Th>
              <Table.Th ta="right">{t('live.fairness.speeches')}</Table.Th>
              <Table.Th ta="right">{t('live.fairness.time')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.byMember.map((m) => (
              <Table.Tr key={m.memberId}>
                <Table.Td>{nameOf(m)}</Table.Td>
                <Table.Td>{m.sectorName ?? '—'}</Table.Td>
                <Table.Td ta="right">{m.count}</Table.Td>
                <Table.Td ta="right">{formatDuration(m.totalMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={4} size="h6">
        {t('live.fairness.bySector')}
      </Title>
      {totals.bySector.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('live.fairness.sector')}</Table.Th>
              <Table.Th ta="right">{t('live.fairness.speeches')}</Table.Th>
              <Table.Th ta="right">{t('live.fairness.time')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.bySector.map((s) => (
              <Table.Tr key={s.sectorName ?? '-'}>
                <Table.Td>{s.sectorName ?? t('live.fairness.noSector')}</Table.Td>
                <Table.Td ta="right">{s.count}</Table.Td>
                <Table.Td ta="right">{formatDuration(s.totalMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={4} size="h6">
        {t('live.fairness.unreached')}
      </Title>
      {waiting.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('live.fairness.unreachedNone')}
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Tbody>
            {waiting.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{nameOf(e)}</Table.Td>
                <Table.Td>{t(`live.kind.${e.kind}`)}</Table.Td>
                <Table.Td>{t(`live.entryStatus.${e.status}`)}</Table.Td>
                <Table.Td ta="right">
                  {e.status === 'skipped' && !ended && (
                    <Button size="compact-xs" variant="light" onClick={() => void send({ type: 'queue:re-add', entryId: e.id })}>
                      {t('live.actions.reAdd')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function SpeakingLimitForm({ limitMs, disabled, send }: { limitMs: number; disabled: boolean; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const minutes = Math.round(limitMs / 60_000);
  const [limit, setLimit] = useState<number | string>(minutes);
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput
        label={t('live.fairness.speakingLimit')}
        suffix={` ${t('live.fairness.minutes')}`}
        min={1}
        max={LIVE_LIMITS.maxSpeakingMs / 60_000}
        value={limit}
        onChange={setLimit}
        w={180}
        disabled={disabled}
      />
      <Button
        variant="default"
        disabled={disabled || typeof limit !== 'number' || limit === minutes}
        onClick={() => typeof limit === 'number' && void send({ type: 'settings:update', speakingLimitMs: limit * 60_000 })}
      >
        {t('common.save')}
      </Button>
    </Group>
  );
}
