import { useState } from 'react';
import { Button, Modal } from '@mantine/core';
import { IconCalendarPlus, IconRss } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CalendarFeedCard } from '../calendar/CalendarFeedCard';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { CalendarToolbar } from './CalendarToolbar';
import { ListView } from './ListView';
import { MeetingFilters } from './MeetingFilters';
import { MonthView } from './MonthView';
import { addDays, monthGrid, wallToUtc, weekDays } from './time';
import { TypeLegend } from './TypeLegend';
import { usePastMeetings, useMeetingsInRange, useUpcomingMeetings } from './useMeetingList';
import { useMeetingsParams, type MeetingsParams } from './useMeetingsParams';
import { useMeetingViewer } from './useMeetingViewer';
import { WeekView } from './WeekView';

/** Meetings calendar: month, week and list views; the office schedules from here. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const nav = useMeetingsParams();
  const { isOffice } = useMeetingViewer();
  const [feedOpen, setFeedOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.description')}
        actions={
          <>
            <Button variant="default" onClick={() => setFeedOpen(true)} leftSection={<IconRss size={16} aria-hidden />}>
              {t('meetings.subscribe')}
            </Button>
            {isOffice && (
              <Button component={Link} to="/meetings/new" leftSection={<IconCalendarPlus size={16} aria-hidden />}>
                {t('meetings.schedule')}
              </Button>
            )}
          </>
        }
      />
      <CalendarToolbar nav={nav} />
      <MeetingFilters nav={nav} />
      {nav.view === 'list' ? <MeetingList nav={nav} /> : <MeetingGrid nav={nav} canSchedule={isOffice} />}
      <Modal opened={feedOpen} onClose={() => setFeedOpen(false)} title={t('meetings.subscribeTitle')} size="lg">
        <CalendarFeedCard />
      </Modal>
    </>
  );
}

function MeetingGrid({ nav, canSchedule }: { nav: MeetingsParams; canSchedule: boolean }) {
  const { user } = useMeetingViewer();
  const days = nav.view === 'month' ? monthGrid(nav.date).flat() : weekDays(nav.date);
  const from = wallToUtc(`${days[0]} 00:00`, nav.timeZone);
  const to = wallToUtc(`${addDays(days[days.length - 1], 1)} 00:00`, nav.timeZone);
  // Wait for the session: whether "mine" is the default depends on who is looking.
  const { data, error, isLoading, isFetching, refetch } = useMeetingsInRange(from, to, nav.filters, user !== undefined);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const common = { date: nav.date, today: nav.today, timeZone: nav.timeZone, meetings: data?.items ?? [], loading: isLoading || isFetching };
  return (
    <>
      {nav.view === 'month' ? <MonthView {...common} canSchedule={canSchedule} /> : <WeekView {...common} />}
      <TypeLegend />
    </>
  );
}

function MeetingList({ nav }: { nav: MeetingsParams }) {
  const { user } = useMeetingViewer();
  // One "now" per visit, to the minute, so the query key is stable while the page is open.
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const enabled = user !== undefined;
  const upcoming = useUpcomingMeetings(now, nav.filters, nav.page, enabled && nav.when === 'upcoming');
  const past = usePastMeetings(now, nav.filters, nav.page, enabled && nav.when === 'past');
  return <ListView when={nav.when} onWhen={nav.setWhen} timeZone={nav.timeZone} page={nav.page} onPage={nav.setPage} list={nav.when === 'past' ? past : upcoming} />;
}
