import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOrgOptions } from '../org/useOrgUnits';
import type { useMemberSearch } from './useMemberSearch';
import { useRoleOptions } from './useRoleOptions';

type Search = ReturnType<typeof useMemberSearch>;

export function MemberFilters({ search, withActive = false }: { search: Search; withActive?: boolean }) {
  const { t } = useTranslation();
  const sectors = useOrgOptions('sectors');
  const committees = useOrgOptions('committees');
  const roles = useRoleOptions();
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap" role="search">
      <TextInput
        label={t('members.search')}
        placeholder={t('members.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search.q}
        onChange={(e) => search.setQ(e.currentTarget.value)}
        type="search"
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label={t('members.sector')}
        placeholder={t('common.all')}
        data={sectors}
        value={search.filter('sectorId')}
        onChange={(v) => search.setFilter('sectorId', v)}
        clearable
        searchable
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label={t('members.committee')}
        placeholder={t('common.all')}
        data={committees}
        value={search.filter('committeeId')}
        onChange={(v) => search.setFilter('committeeId', v)}
        clearable
        searchable
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label={t('members.role')}
        placeholder={t('common.all')}
        data={roles}
        value={search.filter('role')}
        onChange={(v) => search.setFilter('role', v)}
        clearable
        w={{ base: '100%', xs: 160 }}
      />
      {withActive && (
        <SegmentedControl
          aria-label={t('members.status')}
          value={search.filter('active') ?? 'true'}
          onChange={(v) => search.setFilter('active', v === 'true' ? null : v)}
          data={[
            { value: 'true', label: t('members.activeOnly') },
            { value: 'false', label: t('members.inactiveOnly') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      )}
    </Group>
  );
}
