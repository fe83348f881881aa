import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryKind, LiveEntry } from '@xieshang/contracts';

const KIND_COLOUR: Record<EntryKind, string> = {
  arranged: 'blue',
  hand: 'gray',
  department_response: 'grape',
  point_of_order: 'red',
  reply: 'teal',
};

/** What kind of turn this is and where the speaker is (in the room or remote). */
export function EntryTags({ entry, size = 'sm' }: { entry: LiveEntry; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge size={size} variant="light" color={KIND_COLOUR[entry.kind]}>
        {t(`live.kind.${entry.kind}`)}
      </Badge>
      <Badge size={size} variant="outline" color={entry.mode === 'remote' ? 'cyan' : 'gray'}>
        {t(`live.mode.${entry.mode}`)}
      </Badge>
    </Group>
  );
}

/** The display name of an entry; names come from the directory, so a missing one is rare. */
export function useEntryName() {
  const { t } = useTranslation();
  return (e: Pick<LiveEntry, 'name'> | null | undefined) => e?.name ?? t('live.unnamed');
}
