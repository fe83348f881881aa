import { Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MEETING_STATES, type MeetingState } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import { typeName, useMeetingTypes } from './useMeetingTypes';
import type { MeetingsParams } from './useMeetingsParams';

export function MeetingFilters({ nav }: { nav: MeetingsParams }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const types = useMeetingTypes();
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap" role="search">
      <TextInput
        label={t('meetings.filters.search')}
        placeholder={t('meetings.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={nav.q}
        onChange={(e) => nav.setQ(e.currentTarget.value)}
        type="search"
        w={{ base: '100%', sm: 220 }}
      />
      <Select
        label={t('meetings.filters.type')}
        placeholder={t('common.all')}
        data={(types.data ?? []).map((ty) => ({ value: ty.id, label: typeName(ty, locale) }))}
        value={nav.typeId}
        onChange={nav.setTypeId}
        clearable
        searchable
        w={{ base: 'calc(50% - 6px)', sm: 180 }}
      />
      <Select
        label={t('meetings.filters.state')}
        placeholder={t('common.all')}
        data={MEETING_STATES.map((s) => ({ value: s, label: t(`meetings.state.${s}`) }))}
        value={nav.state}
        onChange={(v) => nav.setState(v as MeetingState | null)}
        clearable
        w={{ base: 'calc(50% - 6px)', sm: 150 }}
      />
      <Switch label={t('meetings.filters.mine')} checked={nav.mine} onChange={(e) => nav.setMine(e.currentTarget.checked)} mb={8} />
    </Group>
  );
}
