import type { MeetingState } from '@xieshang/contracts';

/** One colour per state, the same on every page (badges, chips, legends). */
export const STATE_COLORS: Record<MeetingState, string> = {
  planned: 'gray',
  preparing: 'yellow',
  notified: 'blue',
  materials_sent: 'cyan',
  live: 'red',
  minutes: 'grape',
  reported: 'indigo',
  closed: 'teal',
  cancelled: 'gray',
};

const TYPE_COLORS: Record<string, string> = {
  plenary: 'red',
  standing_committee: 'grape',
  chair_meeting: 'violet',
  special_consultation: 'blue',
  consultation_forum: 'teal',
  sector_consultation: 'green',
  counterpart_consultation: 'cyan',
  proposal_consultation: 'orange',
  remote_consultation: 'indigo',
};
const SPARE = ['pink', 'lime', 'yellow', 'violet', 'cyan', 'orange', 'green', 'blue'];

/** The standard types have fixed colours; types the office adds get a stable one from their code. */
export function typeColor(code: string): string {
  const fixed = TYPE_COLORS[code];
  if (fixed) return fixed;
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return SPARE[h % SPARE.length];
}
