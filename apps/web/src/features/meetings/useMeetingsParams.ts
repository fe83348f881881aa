import { useMediaQuery } from '@mantine/hooks';
import { MEETING_STATES, type MeetingState } from '@xieshang/contracts';
import { useOrgTimeZone } from '../settings/useOrgSettings';
import { isDayKey, todayKey } from './time';
import { useMeetingViewer } from './useMeetingViewer';
import { useUrlSearch } from '../../lib/useUrlSearch';

export type CalendarView = 'month' | 'week' | 'list';
export type ListWhen = 'upcoming' | 'past';
const VIEWS: readonly CalendarView[] = ['month', 'week', 'list'];

/** Phones get the list by default: a month grid is unreadable at 360 px. */
export const PHONE_QUERY = '(max-width: 48em)';

/**
 * The meetings page's view, date and filters live in the URL (?view=month&date=2026-11-23…), so
 * reloads, the back button and shared links keep them.
 */
export function useMeetingsParams() {
  const { params, update, q, setQ } = useUrlSearch();
  const timeZone = useOrgTimeZone();
  const { seesAll } = useMeetingViewer();
  const isPhone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });

  const rawView = params.get('view') as CalendarView | null;
  const view: CalendarView = rawView && VIEWS.includes(rawView) ? rawView : isPhone ? 'list' : 'month';
  const today = todayKey(timeZone);
  const rawDate = params.get('date');
  const date = isDayKey(rawDate) ? rawDate : today;
  const rawState = params.get('state');
  const state = rawState && (MEETING_STATES as readonly string[]).includes(rawState) ? (rawState as MeetingState) : null;
  // Members see their own meetings first; the office, chairs and leaders the whole calendar.
  const mine = (params.get('mine') ?? (seesAll ? 'false' : 'true')) === 'true';

  return {
    view,
    setView: (v: CalendarView) => update({ view: v }),
    date,
    today,
    timeZone,
    /** navigation keeps the view and the filters; view changes are not history entries */
    setDate: (d: string | null) => update({ date: d === today ? null : d }),
    q,
    setQ,
    typeId: params.get('typeId'),
    setTypeId: (v: string | null) => update({ typeId: v }),
    state,
    setState: (v: MeetingState | null) => update({ state: v }),
    mine,
    setMine: (v: boolean) => update({ mine: String(v) }),
    when: (params.get('when') === 'past' ? 'past' : 'upcoming') as ListWhen,
    setWhen: (v: ListWhen) => update({ when: v === 'upcoming' ? null : v }),
    page: Math.max(1, Number(params.get('page')) || 1),
    setPage: (p: number) => update({ page: p === 1 ? null : String(p) }),
    /** filters the api applies in every view */
    filters: {
      typeId: params.get('typeId') ?? undefined,
      state: state ?? undefined,
      q: params.get('q') || undefined,
      mine: mine ? ('true' as const) : ('false' as const),
    },
  };
}

export type MeetingsParams = ReturnType<typeof useMeetingsParams>;
