import { useEffect, useState } from 'react';
import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { POLICY_AREAS, TOPIC_CATEGORIES, TOPIC_SORTS, TOPIC_SOURCES, TOPIC_STATES, type TopicSort } from '@xieshang/contracts';
import type { useBoardParams } from './useBoardParams';

type Board = ReturnType<typeof useBoardParams>;

/** Search and filters of the board; members (who see only the pool) get no state filter. */
export function TopicFilters({ filters, update, showStates }: Pick<Board, 'filters' | 'update'> & { showStates: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
    // Only the typed text drives this; the other filters update on their own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const thisYear = new Date().getFullYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map(String);

  return (
    <Group gap="sm" mb="md" align="flex-end" role="search" aria-label={t('topics.board.filters')}>
      <TextInput
        leftSection={<IconSearch size={16} aria-hidden />}
        placeholder={t('topics.board.search')}
        aria-label={t('topics.board.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        style={{ flex: '1 1 220px' }}
        type="search"
      />
      {showStates && (
        <MultiSelect
          aria-label={t('topics.fields.state')}
          placeholder={filters.state.length ? undefined : t('topics.board.anyState')}
          data={TOPIC_STATES.map((s) => ({ value: s, label: t(`topics.state.${s}`) }))}
          value={filters.state}
          onChange={(v) => update({ state: v as typeof filters.state })}
          clearable
          w={220}
        />
      )}
      <MultiSelect
        aria-label={t('topics.fields.source')}
        placeholder={filters.source.length ? undefined : t('topics.board.anySource')}
        data={TOPIC_SOURCES.map((s) => ({ value: s, label: t(`topics.source.${s}`) }))}
        value={filters.source}
        onChange={(v) => update({ source: v as typeof filters.source })}
        clearable
        w={200}
      />
      <Select
        aria-label={t('topics.fields.category')}
        placeholder={t('topics.board.anyCategory')}
        data={TOPIC_CATEGORIES.map((c) => ({ value: c, label: t(`topics.category.${c}`) }))}
        value={filters.category ?? null}
        onChange={(v) => update({ category: (v ?? undefined) as typeof filters.category })}
        clearable
        w={150}
      />
      <Select
        aria-label={t('topics.fields.policyArea')}
        placeholder={t('topics.board.anyArea')}
        data={POLICY_AREAS.map((a) => ({ value: a, label: t(`topics.policyArea.${a}`) }))}
        value={filters.policyArea ?? null}
        onChange={(v) => update({ policyArea: (v ?? undefined) as typeof filters.policyArea })}
        clearable
        w={170}
      />
      <Select
        aria-label={t('topics.fields.year')}
        placeholder={t('topics.board.allYears')}
        data={years}
        value={filters.year ? String(filters.year) : null}
        onChange={(v) => update({ year: v ? Number(v) : undefined })}
        clearable
        w={120}
      />
      <Select
        aria-label={t('topics.board.sort')}
        data={TOPIC_SORTS.map((s) => ({ value: s, label: t(`topics.board.sorts.${s}`) }))}
        value={filters.sort}
        onChange={(v) => update({ sort: (v ?? 'newest') as TopicSort })}
        allowDeselect={false}
        w={140}
      />
    </Group>
  );
}
