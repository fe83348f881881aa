const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "3 分钟前", "昨天", "2 hours ago"; a week or more back shows the date instead. */
export function relativeTime(iso: string, now: Date, locale: string, opts: { justNow: string; timeZone?: string }): string {
  const then = new Date(iso);
  let value = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(value) < 45) return opts.justNow;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(value), unit);
    value /= size;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: opts.timeZone }).format(then);
}
