import { useState } from 'react';
import { Drawer, Group, Loader, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DutyRoutes, type DutyRankingQuery, type DutyRankingRow } from '@xieshang/contracts';
import { download } from '../../lib/api';
import { ExportButtons, type ExportFormat } from '../attendance/ExportButtons';
import { useOrgTime } from '../attendance/useOrgTime';
import { useOrgOptions } from '../org/useOrgUnits';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { DutyLineList } from './DutyLineList';
import { DutyRankingTable } from './DutyRankingTable';
import { DutyScoreCard } from './DutyScoreCard';
import { useDutyRanking, useMemberDutyRecord } from './dutyQueries';
import { ManualEntries } from './ManualEntries';
import { YearSelect } from './YearSelect';

/** /admin/duty: every member ranked by score for a year, by sector and committee; records, manual entries, exports. */
export function DutyRecordsPage() {
  const { t } = useTranslation();
  const thisYear = useOrgTime().year();
  const sectors = useOrgOptions('sectors');
  const committees = useOrgOptions('committees');
  const [filter, setFilter] = useState<DutyRankingQuery>({ year: thisYear });
  const [open, setOpen] = useState<DutyRankingRow | null>(null);
  const ranking = useDutyRanking(filter);
  const change = (patch: Partial<DutyRankingQuery>) => setFilter((f) => ({ ...f, ...patch }));
  const exportRanking = (format: ExportFormat) => download(DutyRoutes.exportDutyRanking, `duty-${filter.year}.${format}`, { query: { ...filter, format } });

  return (
    <>
      <PageHeader title={t('duty.ranking.title')} description={t('duty.ranking.description')} actions={<ExportButtons label={t('duty.ranking.export')} onExport={exportRanking} />} />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap" role="search">
        <YearSelect value={filter.year} thisYear={thisYear} onChange={(year) => change({ year })} />
        <Select label={t('duty.ranking.sector')} placeholder={t('common.all')} data={sectors} value={filter.sectorId ?? null} onChange={(v) => change({ sectorId: v ?? undefined })} clearable searchable w={{ base: '100%', xs: 200 }} />
        <Select label={t('duty.ranking.committee')} placeholder={t('common.all')} data={committees} value={filter.committeeId ?? null} onChange={(v) => change({ committeeId: v ?? undefined })} clearable searchable w={{ base: '100%', xs: 200 }} />
      </Group>
      {ranking.error ? (
        <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : ranking.data ? (
        <DutyRankingTable rows={ranking.data.items} onOpen={setOpen} />
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="lg" title={open ? t('duty.ranking.recordOf', { name: open.name, year: filter.year }) : ''}>
        {open && <MemberRecord userId={open.userId} year={filter.year} />}
      </Drawer>
    </>
  );
}

function MemberRecord({ userId, year }: { userId: string; year: number }) {
  const { data, error, refetch } = useMemberDutyRecord(userId, year);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loader />;
  return (
    <Stack gap="md">
      <DutyScoreCard score={data.score} kinds={data.kinds} rulesVersion={data.rulesVersion} />
      <ManualEntries userId={userId} year={year} />
      <DutyLineList record={data} />
    </Stack>
  );
}
