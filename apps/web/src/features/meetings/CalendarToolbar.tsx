import { ActionIcon, Button, Group, SegmentedControl, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentLocale } from '../auth/useLocale';
import { addDays, addMonths, formatDay, weekDays } from './time';
import type { CalendarView, MeetingsParams } from './useMeetingsParams';

/** The period a calendar view shows, as a heading: "2026年11月" or "11月23日 – 11月29日". */
export function periodTitle(view: CalendarView, date: string, locale: string): string {
  if (view === 'month') return formatDay(date, locale, { year: 'numeric', month: 'long' });
  const days = weekDays(date);
  return `${formatDay(days[0], locale, { year: 'numeric', month: 'short', day: 'numeric' })} – ${formatDay(days[6], locale, { month: 'short', day: 'numeric' })}`;
}

export function CalendarToolbar({ nav }: { nav: MeetingsParams }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const step = (dir: 1 | -1) => nav.setDate(nav.view === 'month' ? addMonths(nav.date, dir) : addDays(nav.date, 7 * dir));
  const calendar = nav.view !== 'list';
  const unit = nav.view === 'month' ? 'Month' : 'Week';
  return (
    <Group justify="space-between" mb="sm" gap="sm">
      {calendar ? (
        <Group gap="xs" wrap="nowrap">
          <ActionIcon variant="default" size="lg" onClick={() => step(-1)} aria-label={t(`meetings.calendar.previous${unit}`)}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Button variant="default" onClick={() => nav.setDate(null)} disabled={nav.date === nav.today}>
            {t('meetings.calendar.today')}
          </Button>
          <ActionIcon variant="default" size="lg" onClick={() => step(1)} aria-label={t(`meetings.calendar.next${unit}`)}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
          <Title order={3} fz="h4" ml="xs" aria-live="polite">{periodTitle(nav.view, nav.date, locale)}</Title>
        </Group>
      ) : (
        <span />
      )}
      <SegmentedControl
        aria-label={t('meetings.calendar.view')}
        value={nav.view}
        onChange={(v) => nav.setView(v as CalendarView)}
        data={[
          { value: 'month', label: t('meetings.calendar.month') },
          { value: 'week', label: t('meetings.calendar.week') },
          { value: 'list', label: t('meetings.calendar.list') },
        ]}
      />
    </Group>
  );
}
