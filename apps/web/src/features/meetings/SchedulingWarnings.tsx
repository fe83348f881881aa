import { Alert, Anchor, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchedulingWarning } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import { formatDay, isDayKey } from './time';

/** Names the form knows, for warnings whose params leave them out. */
export interface WarningContext {
  venue?: string | null;
  hostName?: string | null;
}

const str = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : String(v));

/** One warning as a sentence that names the rule: "通知时间不足：该类型要求提前15个工作日，实际9个工作日". */
export function warningText(t: TFunction, w: SchedulingWarning, locale: string, ctx: WarningContext = {}): string {
  const p = w.params;
  switch (w.rule) {
    case 'notice_period':
    case 'materials_period':
      return t(`meetings.warnings.${w.rule}`, { required: str(p.required), actual: str(p.actual) });
    case 'non_working_day': {
      const date = str(p.date);
      return t('meetings.warnings.non_working_day', { date: isDayKey(date) ? formatDay(date, locale) : date });
    }
    case 'member_double_booked': {
      const count = Number(p.count ?? 1);
      const names = str(p.names ?? p.name);
      return count > 1
        ? t('meetings.warnings.member_double_booked_many', { names, count, meetingTitle: str(p.meetingTitle) })
        : t('meetings.warnings.member_double_booked', { names, meetingTitle: str(p.meetingTitle) });
    }
    case 'venue_double_booked':
      return t('meetings.warnings.venue_double_booked', { venue: str(p.venue ?? ctx.venue), meetingTitle: str(p.meetingTitle) });
    case 'host_double_booked':
      return t('meetings.warnings.host_double_booked', { name: str(p.name ?? p.names ?? ctx.hostName), meetingTitle: str(p.meetingTitle) });
  }
}

/** Yellow notes under the form and on the meeting page; they inform, they never block saving. */
export function SchedulingWarnings({ warnings, context, title }: { warnings: readonly SchedulingWarning[]; context?: WarningContext; title?: string }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  return (
    <Stack gap="xs" aria-live="polite" aria-label={title ?? t('meetings.warnings.title')} role="region">
      {warnings.map((w, i) => (
        <Alert key={`${w.rule}-${i}`} color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs" data-rule={w.rule}>
          {warningText(t, w, locale, context)}
          {typeof w.params.meetingId === 'string' && (
            <>
              {' '}
              <Anchor component={Link} to={`/meetings/${w.params.meetingId}`} target="_blank" size="sm">
                {t('meetings.warnings.open')}
              </Anchor>
            </>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
