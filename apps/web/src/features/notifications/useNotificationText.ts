import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@xieshang/contracts';
import i18n from '../../i18n';
import { useOrgTimeZone } from '../settings/useOrgSettings';

export interface NotificationText {
  /** one sentence saying what happened */
  headline: string;
  /** short extra lines: when, where, why */
  details: string[];
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The headline key: leave decisions read differently when approved or not. */
function kindKey(n: Notification): string {
  if (n.kind === 'leave_decided') return n.params.approved ? 'leave_approved' : 'leave_rejected';
  return i18n.exists(`notifications.kinds.${n.kind}`) ? n.kind : 'unknown';
}

/**
 * Texts of a notification in the reader's language. The server sends the kind and raw params
 * (title, ISO times); wording and time formatting (organisation time zone) happen here.
 */
export function useNotificationText(): (n: Notification) => NotificationText {
  const { t, i18n: { language } } = useTranslation();
  const timeZone = useOrgTimeZone();
  return useCallback(
    (n: Notification) => {
      const p = n.params;
      const stateKey = `notifications.speechStates.${str(p.state)}`;
      const headline = t(`notifications.kinds.${kindKey(n)}`, {
        title: str(p.title),
        name: str(p.name) || t('notifications.someone'),
        state: i18n.exists(stateKey) ? t(stateKey) : str(p.state),
      });
      const details: string[] = [];
      const startsAt = str(p.startsAt);
      if (['invited', 'time_changed', 'reminder_24h', 'reminder_1h'].includes(n.kind)) {
        const d = new Date(startsAt);
        if (startsAt && !Number.isNaN(d.getTime())) {
          const when = new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(d);
          details.push(t('notifications.details.when', { when }));
        }
        if (str(p.venue)) details.push(t('notifications.details.venue', { venue: str(p.venue) }));
      }
      if (n.kind === 'meeting_cancelled' && str(p.reason)) details.push(t('notifications.details.reason', { reason: str(p.reason) }));
      if (n.kind === 'materials_added' && str(p.fileName)) details.push(t('notifications.details.file', { fileName: str(p.fileName) }));
      if (n.kind === 'speech_reviewed' && str(p.meetingTitle)) details.push(t('notifications.details.meeting', { meetingTitle: str(p.meetingTitle) }));
      return { headline, details };
    },
    [t, language, timeZone],
  );
}
