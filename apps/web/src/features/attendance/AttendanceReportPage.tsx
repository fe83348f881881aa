import { useMemo, useState } from 'react';
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes } from '@xieshang/contracts';
import { download } from '../../lib/api';
import { useOrgOptions } from '../org/useOrgUnits';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { AttendanceReportTable } from './AttendanceReportTable';
import { ExportButtons, type ExportFormat } from './ExportButtons';
import { sortAttendance, useMemberAttendance, type AttendanceFilter, type Sort, type SortKey } from './useMemberAttendance';
import { useOrgTime } from './useOrgTime';

const PAGE_SIZE = 25;
const YEARS_BACK = 5;

/** Attendance per member for a year (office, chair, leaders), exportable to CSV/XLSX. */
export function AttendanceReportPage() {
  const { t } = useTranslation();
  const thisYear = useOrgTime().year();
  const sectors = useOrgOptions('sectors');
  const committees = useOrgOptions('committees');
  const [filter, setFilter] = useState<AttendanceFilter>({ year: thisYear });
  const [sort, setSort] = useState<Sort>({ key: 'rate', desc: false });
  const [page, setPage] = useState(1);
  const { data, error, isLoading, isFetching, refetch } = useMemberAttendance(filter);

  const sorted = useMemo(() => sortAttendance(data ?? [], sort), [data, sort]);
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => String(thisYear + 1 - i));

  const change = (patch: Partial<AttendanceFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  // First click on a number column shows the lowest first (who misses meetings), text A→Z.
  const toggleSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: false }));
  const exportReport = (format: ExportFormat) =>
    download(MeetingRoutes.exportMemberAttendance, `attendance-${filter.year}.${format}`, { query: { ...filter, format } });

  return (
    <>
      <PageHeader
        title={t('attendance.report.title')}
        description={t('attendance.report.description')}
        actions={<ExportButtons label={t('attendance.report.export')} onExport={exportReport} />}
      />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap" role="search">
        <Select
          label={t('attendance.report.year')}
          data={years}
          value={String(filter.year)}
          onChange={(v) => v && change({ year: Number(v) })}
          allowDeselect={false}
          w={{ base: '100%', xs: 120 }}
        />
        <Select
          label={t('attendance.report.sector')}
          placeholder={t('common.all')}
          data={sectors}
          value={filter.sectorId ?? null}
          onChange={(v) => change({ sectorId: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('attendance.report.committee')}
          placeholder={t('common.all')}
          data={committees}
          value={filter.committeeId ?? null}
          onChange={(v) => change({ committeeId: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 200 }}
        />
      </Group>
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <AttendanceReportTable rows={shown} loading={isLoading || isFetching} sort={sort} onSort={toggleSort} />
          <TableFooter total={sorted.length} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
        </>
      )}
    </>
  );
}
