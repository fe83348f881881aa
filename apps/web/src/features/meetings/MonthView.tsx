import { Button, Popover, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import classes from './calendar.module.css';
import { groupByDay } from './groupByDay';
import { MeetingChip } from './MeetingChip';
import { formatDay, monthGrid, sameMonth, weekdayNames } from './time';

/** Chips shown per day before "+N more". */
const MAX_CHIPS = 3;

interface Props {
  date: string;
  today: string;
  timeZone: string;
  meetings: readonly MeetingSummary[];
  loading: boolean;
  /** office: a "+" per day opens the form on that date */
  canSchedule: boolean;
}

export function MonthView({ date, today, timeZone, meetings, loading, canSchedule }: Props) {
  const locale = useCurrentLocale();
  const weeks = monthGrid(date);
  const byDay = groupByDay(meetings, timeZone);
  const names = weekdayNames(locale, 'short');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders layout="fixed" aria-busy={loading} aria-label={formatDay(date, locale, { year: 'numeric', month: 'long' })} data-testid="month-grid">
        <Table.Thead>
          <Table.Tr>
            {names.map((n) => (
              <Table.Th key={n} scope="col" ta="center" fz="sm">{n}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <DayCell key={day} day={day} month={date} today={today} timeZone={timeZone} meetings={byDay.get(day) ?? []} canSchedule={canSchedule} />
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface CellProps {
  day: string;
  month: string;
  today: string;
  timeZone: string;
  meetings: MeetingSummary[];
  canSchedule: boolean;
}

function DayCell({ day, month, today, timeZone, meetings, canSchedule }: CellProps) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const isToday = day === today;
  const shown = meetings.length > MAX_CHIPS ? meetings.slice(0, MAX_CHIPS - 1) : meetings;
  const hidden = meetings.length - shown.length;
  const dayLabel = formatDay(day, locale);
  const cls = [classes.cell, isToday ? classes.today : sameMonth(day, month) ? '' : classes.outside].filter(Boolean).join(' ');
  return (
    <td className={cls} data-day={day} aria-current={isToday ? 'date' : undefined}>
      <div className={classes.cellHead}>
        <span className={classes.dayNumber} aria-hidden>{Number(day.slice(8))}</span>
        <span className="visually-hidden">{isToday ? t('meetings.calendar.todayNamed', { day: dayLabel }) : dayLabel}</span>
        {canSchedule && (
          <Link to={`/meetings/new?date=${day}`} className={classes.add} aria-label={t('meetings.calendar.scheduleOn', { day: dayLabel })} title={t('meetings.calendar.scheduleOn', { day: dayLabel })}>
            <IconPlus size={12} aria-hidden />
          </Link>
        )}
      </div>
      <div className={classes.chips}>
        {shown.map((m) => (
          <MeetingChip key={m.id} meeting={m} timeZone={timeZone} />
        ))}
        {hidden > 0 && (
          <Popover position="bottom" withArrow shadow="md" width={260}>
            <Popover.Target>
              <Button size="compact-xs" variant="subtle" color="gray" aria-label={t('meetings.calendar.moreOn', { count: hidden, day: dayLabel })}>
                {t('meetings.calendar.more', { count: hidden })}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Text size="sm" fw={600} mb="xs">{dayLabel}</Text>
              <Stack gap={4}>
                {meetings.map((m) => (
                  <MeetingChip key={m.id} meeting={m} timeZone={timeZone} />
                ))}
              </Stack>
            </Popover.Dropdown>
          </Popover>
        )}
      </div>
    </td>
  );
}
