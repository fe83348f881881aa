import { Box, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import { groupByDay } from './groupByDay';
import classes from './calendar.module.css';
import { typeStyle, useMeetingLabel } from './MeetingChip';
import { formatDay, formatTime, weekDays } from './time';
import { layoutDay, visibleHours } from './weekLayout';

const HOUR_PX = 48;
const GUTTER = 52;

interface Props {
  date: string;
  today: string;
  timeZone: string;
  meetings: readonly MeetingSummary[];
  loading: boolean;
}

/** Seven day columns over an hour axis; each meeting is a block from its start to its end. */
export function WeekView({ date, today, timeZone, meetings, loading }: Props) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const label = useMeetingLabel();
  const days = weekDays(date);
  const byDay = groupByDay(meetings, timeZone);
  const placedByDay = days.map((d) => layoutDay(d, byDay.get(d) ?? [], timeZone));
  const [firstHour, lastHour] = visibleHours(placedByDay.flat());
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const columns = `${GUTTER}px repeat(7, minmax(96px, 1fr))`;

  return (
    <ScrollArea type="auto" aria-busy={loading}>
      <Box miw={GUTTER + 7 * 96} role="group" aria-label={t('meetings.calendar.weekOf', { day: formatDay(days[0], locale) })} data-testid="week-grid">
        <Box style={{ display: 'grid', gridTemplateColumns: columns, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <span />
          {days.map((d) => (
            <Box key={d} ta="center" py={6} aria-current={d === today ? 'date' : undefined} bg={d === today ? 'var(--mantine-color-brand-0)' : undefined}>
              <Text size="xs" c="dimmed">{formatDay(d, locale, { weekday: 'short' })}</Text>
              <Text size="sm" fw={d === today ? 700 : 500} c={d === today ? 'brand' : undefined}>{formatDay(d, locale, { month: 'numeric', day: 'numeric' })}</Text>
            </Box>
          ))}
        </Box>
        <Box style={{ display: 'grid', gridTemplateColumns: columns, position: 'relative' }}>
          <Box>
            {hours.map((h) => (
              <Text key={h} size="xs" c="dimmed" h={HOUR_PX} ta="right" pr={6} style={{ transform: 'translateY(-0.6em)' }} aria-hidden>
                {`${String(h).padStart(2, '0')}:00`}
              </Text>
            ))}
          </Box>
          {days.map((d, i) => (
            <Box
              key={d}
              data-day={d}
              aria-label={formatDay(d, locale)}
              role="group"
              style={{
                position: 'relative',
                height: hours.length * HOUR_PX,
                borderLeft: '1px solid var(--mantine-color-default-border)',
                backgroundImage: `repeating-linear-gradient(to bottom, var(--mantine-color-default-border) 0 1px, transparent 1px ${HOUR_PX}px)`,
                backgroundColor: d === today ? 'var(--mantine-color-brand-0)' : undefined,
              }}
            >
              {placedByDay[i].map((p) => {
                const top = ((p.startMin - firstHour * 60) / 60) * HOUR_PX;
                const height = Math.max(((p.endMin - p.startMin) / 60) * HOUR_PX, 22);
                const cancelled = p.meeting.state === 'cancelled';
                return (
                  <Link
                    key={p.meeting.id}
                    to={`/meetings/${p.meeting.id}`}
                    aria-label={label(p.meeting, timeZone)}
                    data-testid="meeting-block"
                    className={cancelled ? `${classes.block} ${classes.cancelled}` : classes.block}
                    style={{
                      ...typeStyle(p.meeting.typeCode),
                      top,
                      height,
                      left: `calc(${(100 / p.lanes) * p.lane}% + 2px)`,
                      width: `calc(${100 / p.lanes}% - 4px)`,
                    }}
                  >
                    <strong>{formatTime(p.meeting.startsAt, timeZone, locale)}</strong>
                    <br />
                    {p.meeting.title}
                  </Link>
                );
              })}
            </Box>
          ))}
        </Box>
      </Box>
    </ScrollArea>
  );
}
