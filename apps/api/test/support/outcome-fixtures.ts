import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/*
 * Outcomes start from finalized documents, which the documents slice produces; these specs write such
 * rows straight into the table instead of driving the editor.
 */

export async function insertFinalizedDocument(
  ds: DataSource,
  opts: { title?: string; kind?: 'report' | 'recommendation' | 'minutes' | 'blank'; state?: 'draft' | 'in_review' | 'finalized'; topicId?: string | null } = {},
): Promise<string> {
  const state = opts.state ?? 'finalized';
  const final = state === 'finalized';
  const [row] = await ds.query(
    `INSERT INTO documents (kind, title, state, topic_id, finalized_at, final_html, final_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [opts.kind ?? 'report', opts.title ?? `协商专报 ${randomBytes(3).toString('hex')}`, state, opts.topicId ?? null, final ? new Date() : null, final ? '<p>报告正文</p>' : null, final ? randomBytes(32).toString('hex') : null],
  );
  return row.id;
}

/** A topic of a given year and category (for the derived year and category of an outcome). */
export async function insertTopic(ds: DataSource, year: number, category: 'consultation' | 'supervision'): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, state)
     VALUES ($1, $2, '关于推进老旧小区加装电梯的建议', '摘要', '理由', $3, 'urban', 'member', 'selected') RETURNING id`,
    [randomBytes(8).toString('hex'), year, category],
  );
  return row.id;
}

export async function departmentIds(ds: DataSource): Promise<Record<'fgw' | 'env' | 'edu', string>> {
  const rows: Array<{ id: string; name: string }> = await ds.query(`SELECT id, name FROM departments`);
  const by = (name: string) => rows.find((r) => r.name === name)!.id;
  return { fgw: by('市发展和改革委员会'), env: by('市生态环境局'), edu: by('市教育局') };
}

/** `YYYY-MM-DD` n days from now in Asia/Shanghai (the demo's time zone). */
export function daysFromNow(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + n * 86_400_000));
}
