import type { EntityManager } from 'typeorm';
import type { PolicyArea, SessionUser, TopicCategory, TopicSource, TopicState, TopicSummary } from '@xieshang/contracts';
import { randomBytes } from 'node:crypto';

/** The columns a summary needs; `t` is the topics alias. */
export const SUMMARY_COLUMNS = `t.id, t.public_id, t.year, t.title, t.summary, t.category, t.policy_area, t.source, t.state,
  t.proposer_name, t.show_name, t.support_count, t.co_signer_count, t.created_at, t.updated_at`;

export interface SummaryRow {
  id: string;
  public_id: string;
  year: number;
  title: string;
  summary: string;
  category: TopicCategory;
  policy_area: PolicyArea;
  source: TopicSource;
  state: TopicState;
  proposer_name: string | null;
  show_name: boolean;
  support_count: number;
  co_signer_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface TopicRow extends SummaryRow {
  rationale: string;
  proposer_id: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  call_id: string | null;
  call_title: string | null;
  sector_id: string | null;
  committee_id: string | null;
  department_id: string | null;
  unit_name: string | null;
  source_ref: string | null;
  reject_reason: string | null;
  merged_into_id: string | null;
  merged_into_title: string | null;
  created_by: string | null;
}

export function toSummary(r: SummaryRow): TopicSummary {
  return {
    id: r.id,
    publicId: r.public_id,
    year: r.year,
    title: r.title,
    summary: r.summary,
    category: r.category,
    policyArea: r.policy_area,
    source: r.source,
    state: r.state,
    proposerName: r.proposer_name,
    supportCount: r.support_count,
    coSignerCount: r.co_signer_count,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** One topic with its call, unit and survivor names; `lock` takes a row lock for a transition. */
export async function findTopic(m: EntityManager, id: string, lock = false): Promise<TopicRow | null> {
  const rows: TopicRow[] = await m.query(
    `SELECT ${SUMMARY_COLUMNS}, t.rationale, t.proposer_id, t.contact_phone, t.contact_email, t.call_id, c.title AS call_title,
       t.sector_id, t.committee_id, t.department_id, coalesce(s.name, co.name, d.name) AS unit_name, t.source_ref,
       t.reject_reason, t.merged_into_id, mi.title AS merged_into_title, t.created_by
     FROM topics t
     LEFT JOIN topic_calls c ON c.id = t.call_id
     LEFT JOIN sectors s ON s.id = t.sector_id AND t.source = 'sector'
     LEFT JOIN committees co ON co.id = t.committee_id AND t.source = 'committee'
     LEFT JOIN departments d ON d.id = t.department_id AND t.source = 'department'
     LEFT JOIN topics mi ON mi.id = t.merged_into_id
     WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export const isOffice = (u: Pick<SessionUser, 'roles'>) => u.roles.includes('admin');
export const isScreener = (u: Pick<SessionUser, 'roles'>) => u.roles.includes('admin') || u.roles.includes('chair');

/** States everyone with topics.read may look at: the pool and what came of it. */
export const POOL_STATES: readonly TopicState[] = ['pooled', 'shortlisted', 'selected', 'not_selected'];

/** Ten characters from an alphabet without look-alikes (0/O, 1/l/I): read aloud or typed from a receipt. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export function newPublicId(): string {
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

/** Recount the cached counters after supports or co-signers moved. */
export async function recount(m: EntityManager, ids: readonly string[]): Promise<void> {
  await m.query(
    `UPDATE topics t SET
       support_count = (SELECT count(*) FROM topic_supports s WHERE s.topic_id = t.id),
       co_signer_count = (SELECT count(*) FROM topic_co_signers c WHERE c.topic_id = t.id AND c.state = 'confirmed')
     WHERE t.id = ANY($1)`,
    [ids],
  );
}

export async function recordEvent(
  m: EntityManager,
  e: { topicId: string; action: string; from?: TopicState | null; to?: TopicState | null; actorId: string | null; comment?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await m.query(`INSERT INTO topic_events (topic_id, action, from_state, to_state, actor_id, comment, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    e.topicId,
    e.action,
    e.from ?? null,
    e.to ?? null,
    e.actorId,
    e.comment ?? null,
    JSON.stringify(e.data ?? {}),
  ]);
}

/** Escape LIKE wildcards so a search for "100%" means the text "100%". */
export const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
