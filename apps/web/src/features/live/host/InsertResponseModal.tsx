import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState, SpeakingMode } from '@xieshang/contracts';
import type { SendLiveCommand } from '../session/useLiveSession';
import { useEntryName } from '../shared/EntryTags';
import { useMemberOptions } from './useMemberOptions';

interface Props {
  state: LiveState;
  send: SendLiveCommand;
  /** the speech to answer; the modal is open while this is set */
  afterEntryId: string | null;
  onClose: () => void;
}

/** Insert a department's answer right after a speech (部门回应), choosing the liaison who answers. */
export function InsertResponseModal({ state, send, afterEntryId, onClose }: Props) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const { search, setSearch, options, members, loading } = useMemberOptions('department');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [mode, setMode] = useState<SpeakingMode>('room');
  const [busy, setBusy] = useState(false);
  const after = state.entries.find((e) => e.id === afterEntryId);

  const close = () => {
    setMemberId(null);
    setSearch('');
    onClose();
  };
  const submit = async () => {
    const liaison = members.find((m) => m.id === memberId);
    if (!liaison || !afterEntryId) return;
    setBusy(true);
    const ack = await send({
      type: 'queue:insert-response',
      afterEntryId,
      memberId: liaison.id,
      ...(liaison.departmentId && { departmentId: liaison.departmentId }),
      mode,
    });
    setBusy(false);
    if ('data' in ack) close();
  };

  return (
    <Modal opened={afterEntryId !== null} onClose={close} title={t('live.insertResponse.title')} centered>
      <Stack component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
        {after && <Text size="sm">{t('live.insertResponse.after', { name: nameOf(after) })}</Text>}
        <Select
          label={t('live.insertResponse.liaison')}
          placeholder={t('live.addHand.searchPlaceholder')}
          searchable
          data={options}
          value={memberId}
          onChange={setMemberId}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={loading ? t('common.loading') : t('live.addHand.nothingFound')}
          data-autofocus
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as SpeakingMode)}
          aria-label={t('live.floor.modeLabel')}
          data={[
            { value: 'room', label: t('live.mode.room') },
            { value: 'remote', label: t('live.mode.remote') },
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!memberId} loading={busy}>
            {t('live.insertResponse.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
