import type { EntityManager } from 'typeorm';

/**
 * Duty records need almost nothing of their own: attendance, speeches and topics of the demo are
 * credited from their tables. Two manual entries of this year show the office's side: a bonus for
 * a report that leaders acted on, a deduction for a late duty registration form (履职登记表).
 */
const ENTRIES = [
  { email: 'member01@demo.local', points: 3, reason: '撰写的社情民意信息被市委办公室采用', month: 4 },
  { email: 'member05@demo.local', points: -2, reason: '未按时提交年度履职登记表', month: 1 },
];

export async function seedDemoDuty(m: EntityManager): Promise<void> {
  const [setting]: Array<{ value: string }> = await m.query(`SELECT value #>> '{}' AS value FROM app_settings WHERE key = 'timeZone'`);
  const timeZone = setting?.value ?? 'Asia/Shanghai';
  const year = Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date()));
  const [admin]: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE email = 'admin@demo.local'`);
  for (const e of ENTRIES) {
    const [user]: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE email = $1`, [e.email]);
    if (!user) continue;
    await m.query(
      `INSERT INTO duty_entries (user_id, year, points, reason, occurred_on, created_by) VALUES ($1, $2, $3, $4, make_date($2, $5, 15), $6)`,
      [user.id, year, e.points, e.reason, e.month, admin?.id ?? null],
    );
  }
}
