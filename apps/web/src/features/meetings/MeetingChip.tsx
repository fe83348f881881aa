import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import classes from './calendar.module.css';
import { typeColor } from './meetingColors';
import { formatRange, formatTime } from './time';
import { meetingTypeName } from './useMeetingTypes';

/** What a screen reader hears for a meeting in a grid: time, title, type and state in one line. */
export function useMeetingLabel() {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  return (m: MeetingSummary, timeZone: string) =>
    t('meetings.chipLabel', {
      time: formatRange(m.startsAt, m.endsAt, timeZone, locale),
      title: m.title,
      type: meetingTypeName(m, locale),
      state: t(`meetings.state.${m.state}`),
    });
}

/** The type's colour as CSS variables for a chip or a week block. */
export function typeStyle(typeCode: string): CSSProperties {
  const color = typeColor(typeCode);
  return { '--chip-color': `var(--mantine-color-${color}-filled)`, '--chip-bg': `var(--mantine-color-${color}-light)` } as CSSProperties;
}

/** A meeting in the month grid: its type's colour, start time and title; a link to the meeting. */
export function MeetingChip({ meeting, timeZone }: { meeting: MeetingSummary; timeZone: string }) {
  const locale = useCurrentLocale();
  const label = useMeetingLabel();
  const cancelled = meeting.state === 'cancelled';
  return (
    <Link
      to={`/meetings/${meeting.id}`}
      aria-label={label(meeting, timeZone)}
      title={meeting.title}
      data-testid="meeting-chip"
      className={cancelled ? `${classes.chip} ${classes.cancelled}` : classes.chip}
      style={typeStyle(meeting.typeCode)}
    >
      <span className={classes.chipTime}>{formatTime(meeting.startsAt, timeZone, locale)}</span>
      {meeting.title}
    </Link>
  );
}
