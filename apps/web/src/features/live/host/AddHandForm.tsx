import { useState } from 'react';
import { Button, Group, SegmentedControl, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState, SpeakingMode } from '@xieshang/contracts';
import type { SendLiveCommand } from '../session/useLiveSession';
import { useMemberOptions } from './useMemberOptions';

/** The host raises a hand for someone (a member who signals in the room, or calls in by phone). */
export function AddHandForm({ state, send }: { state: LiveState; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const { search, setSearch, options, loading } = useMemberOptions('member');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [mode, setMode] = useState<SpeakingMode>('room');
  const [busy, setBusy] = useState(false);
  const running = state.status === 'live' || state.status === 'paused';

  const submit = async () => {
    if (!memberId) return;
    setBusy(true);
    const ack = await send({ type: 'queue:raise-hand', memberId, mode });
    setBusy(false);
    if ('data' in ack) {
      setMemberId(null);
      setSearch('');
    }
  };

  return (
    <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), void submit())} aria-labelledby="host-add-hand">
      <Title order={4} size="h6" id="host-add-hand">
        {t('live.addHand.title')}
      </Title>
      <Select
        label={t('live.addHand.member')}
        placeholder={t('live.addHand.searchPlaceholder')}
        searchable
        clearable
        data={options}
        value={memberId}
        onChange={setMemberId}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={loading ? t('common.loading') : t('live.addHand.nothingFound')}
      />
      <Group gap="xs" align="flex-end">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as SpeakingMode)}
          aria-label={t('live.floor.modeLabel')}
          data={[
            { value: 'room', label: t('live.mode.room') },
            { value: 'remote', label: t('live.mode.remote') },
          ]}
        />
        <Button type="submit" disabled={!memberId || !running} loading={busy}>
          {t('live.addHand.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
