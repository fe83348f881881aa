import { useEffect, useState } from 'react';
import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_STATES, type OutcomeState } from '@xieshang/contracts';
import type { useOutcomeListParams } from './useOutcomeListParams';

type Params = ReturnType<typeof useOutcomeListParams>;

/** Recent years first: outcomes are followed up for years after they are sent. */
export function recentYears(now: number, count = 5): string[] {
  return Array.from({ length: count }, (_, i) => String(now - i));
}

export function OutcomeFilters({ filters, update }: Pick<Params, 'filters' | 'update'>) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
    // Only the typed text drives this; the other filters update on their own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <Group gap="sm" mb="md" align="center" role="search" aria-label={t('outcomes.list.filters')}>
      <TextInput
        leftSection={<IconSearch size={16} aria-hidden />}
        placeholder={t('outcomes.list.search')}
        aria-label={t('outcomes.list.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        style={{ flex: '1 1 220px' }}
        type="search"
      />
      <Select
        aria-label={t('outcomes.list.state')}
        placeholder={t('outcomes.list.anyState')}
        data={OUTCOME_STATES.map((s) => ({ value: s, label: t(`outcomes.state.${s}`) }))}
        value={filters.state ?? null}
        onChange={(v) => update({ state: (v ?? undefined) as OutcomeState | undefined })}
        clearable
        w={170}
      />
      <Select
        aria-label={t('outcomes.list.year')}
        placeholder={t('outcomes.list.allYears')}
        data={recentYears(new Date().getFullYear())}
        value={filters.year ? String(filters.year) : null}
        onChange={(v) => update({ year: v ? Number(v) : undefined })}
        clearable
        w={130}
      />
      <Switch label={t('outcomes.list.overdueOnly')} checked={filters.overdue} onChange={(e) => update({ overdue: e.currentTarget.checked })} />
    </Group>
  );
}
