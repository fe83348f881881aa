import { useState } from 'react';
import { Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { DutyLineList } from './DutyLineList';
import { DutyScoreCard } from './DutyScoreCard';
import { useMyDutyRecord } from './dutyQueries';
import { YearSelect } from './YearSelect';

/** /duty/mine: my score for a year, how it is made up, and every line with a link to its source. */
export function MyDutyRecordPage() {
  const { t } = useTranslation();
  const thisYear = useOrgTime().year();
  const [year, setYear] = useState(thisYear);
  const { data, error, isLoading, refetch } = useMyDutyRecord(year);
  return (
    <Stack maw={720} gap="md">
      <PageHeader title={t('duty.mine.title')} description={t('duty.mine.description')} />
      <YearSelect value={year} thisYear={thisYear} onChange={setYear} />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : isLoading || !data ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <DutyScoreCard score={data.score} kinds={data.kinds} rulesVersion={data.rulesVersion} />
          <Title order={3} size="h4">{t('duty.lines.title')}</Title>
          <DutyLineList record={data} />
        </>
      )}
    </Stack>
  );
}
