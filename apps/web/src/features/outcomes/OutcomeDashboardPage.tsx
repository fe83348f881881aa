import { useState } from 'react';
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdoptionBucket } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { adoptionRows, adoptionSeries, adoptionSummary, rateText } from './adoptionChart';
import { recentYears } from './OutcomeFilters';
import { StackedBarChart } from './StackedBarChart';
import { useOutcomeStats } from './outcomeQueries';

function StatCard({ label, value, color, to }: { label: string; value: number | undefined; color?: string; to?: string }) {
  const number = (
    <Text fz={32} fw={700} c={color ?? 'inherit'} lh={1.1}>
      {value ?? '—'}
    </Text>
  );
  return (
    <Paper withBorder p="md" role="group" aria-label={`${label} ${value ?? ''}`}>
      <Text size="sm" c="dimmed">{label}</Text>
      {to ? <Anchor component={Link} to={to} underline="hover" c={color ?? 'inherit'}>{number}</Anchor> : number}
    </Paper>
  );
}

/** 成果统计 for the office and leaders: open, overdue and closed outcomes; adoption by year, category and department. */
export function OutcomeDashboardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [year, setYear] = useState<number | undefined>(undefined);
  const stats = useOutcomeStats(year);
  const s = stats.data;
  const series = adoptionSeries(t);
  const listable = hasPermission(user, 'outcomes.read');
  const link = (q: string) => (listable ? `/outcomes${q}` : undefined);

  const charts: { key: string; title: string; buckets: readonly AdoptionBucket[]; label?: (b: AdoptionBucket) => string }[] = [
    { key: 'year', title: t('outcomes.dashboard.byYear'), buckets: s?.adoptionByYear ?? [] },
    { key: 'category', title: t('outcomes.dashboard.byCategory'), buckets: s?.adoptionByCategory ?? [], label: (b) => t(`outcomes.category.${b.key}`, { defaultValue: b.label }) },
    { key: 'department', title: t('outcomes.dashboard.byDepartment'), buckets: s?.adoptionByDepartment ?? [] },
  ];

  return (
    <>
      <PageHeader
        title={t('outcomes.dashboard.title')}
        description={t('outcomes.dashboard.description')}
        actions={
          <Group gap="xs">
            <Select
              aria-label={t('outcomes.dashboard.year')}
              placeholder={t('outcomes.dashboard.allYears')}
              data={recentYears(new Date().getFullYear())}
              value={year ? String(year) : null}
              onChange={(v) => setYear(v ? Number(v) : undefined)}
              clearable
              w={140}
            />
            {listable && <Anchor component={Link} to="/outcomes" size="sm">{t('outcomes.dashboard.list')}</Anchor>}
          </Group>
        }
      />
      {stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Stack aria-busy={stats.isLoading}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="outcome-counts">
            <StatCard label={t('outcomes.dashboard.total')} value={s?.total} to={link('')} />
            <StatCard label={t('outcomes.dashboard.open')} value={s?.open} color="blue" />
            <StatCard label={t('outcomes.dashboard.overdue')} value={s?.overdue} color="red" to={link('?overdue=true')} />
            <StatCard label={t('outcomes.dashboard.closed')} value={s?.closed} color="green" to={link('?state=closed')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">{t('outcomes.dashboard.rateNote')}</Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {charts.map((c) => {
              const rows = adoptionRows(c.buckets, c.label);
              return (
                <StackedBarChart
                  key={c.key}
                  title={c.title}
                  series={series}
                  rows={rows}
                  summary={adoptionSummary(t, c.title, rows)}
                  rowNote={(row) => rateText(rows.find((r) => r.key === row.key)!.bucket)}
                  emptyText={t('outcomes.dashboard.empty')}
                />
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
