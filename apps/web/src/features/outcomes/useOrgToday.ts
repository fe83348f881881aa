import { useTranslation } from 'react-i18next';
import { useOrgTimeZone } from '../attendance/useOrgTime';
import { formatDay, todayIn } from './deadlines';

/** Today in the organisation's zone and a date formatter in the UI language, for deadline badges. */
export function useOrgToday() {
  const { i18n } = useTranslation();
  const zone = useOrgTimeZone();
  return { today: todayIn(zone), day: (d: string | null | undefined) => formatDay(d, i18n.language) };
}
