/**
 * Default holiday calendar: the State Council's notice on the 2026 public holidays
 * (国务院办公厅关于2026年部分节假日安排的通知, published November 2025). Every day off of each
 * holiday period is listed (weekend days inside a period included, which changes nothing), and the
 * weekend days worked instead (调休) are makeup working days. The office edits the list in the
 * settings each year when the next notice comes out.
 *
 * Checked against the notice as remembered: 元旦 1–3 Jan (Sun 4 Jan worked); 春节 15–23 Feb (Sat
 * 14 Feb and Sat 28 Feb worked); 清明 4–6 Apr; 劳动节 1–5 May (Sat 9 May worked); 端午 19–21 Jun;
 * 中秋 25–27 Sep; 国庆 1–7 Oct (Sun 20 Sep and Sat 10 Oct worked). Each period matches the lunar
 * dates (除夕 16 Feb, 端午 19 Jun, 中秋 25 Sep) and the statutory day counts of the 2024 amended
 * holiday rules, but if the published notice differs, the notice wins.
 */
export interface DatedName {
  date: string;
  name: string | null;
}

const period = (name: string, from: string, days: number): DatedName[] =>
  Array.from({ length: days }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return { date: d.toISOString().slice(0, 10), name };
  });

export const DEFAULT_HOLIDAYS: readonly DatedName[] = [
  ...period('元旦', '2026-01-01', 3),
  ...period('春节', '2026-02-15', 9),
  ...period('清明节', '2026-04-04', 3),
  ...period('劳动节', '2026-05-01', 5),
  ...period('端午节', '2026-06-19', 3),
  ...period('中秋节', '2026-09-25', 3),
  ...period('国庆节', '2026-10-01', 7),
];

export const DEFAULT_MAKEUP_WORKDAYS: readonly DatedName[] = [
  { date: '2026-01-04', name: '元旦调休上班' },
  { date: '2026-02-14', name: '春节调休上班' },
  { date: '2026-02-28', name: '春节调休上班' },
  { date: '2026-05-09', name: '劳动节调休上班' },
  { date: '2026-09-20', name: '国庆节调休上班' },
  { date: '2026-10-10', name: '国庆节调休上班' },
];
