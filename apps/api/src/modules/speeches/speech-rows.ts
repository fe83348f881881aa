import type { EntityManager } from 'typeorm';
import type { SessionUser, Speech, SpeechState } from '@xieshang/contracts';
import { speechMachine } from '@xieshang/domain';

export type SpeechRow = {
  id: string; meeting_id: string; author_id: string; author_name: string; sector_name: string | null;
  title: string; content: string; state: SpeechState; review_comment: string | null; oral_order: number | null;
  submitted_at: Date | null; updated_at: Date;
};

const SELECT = `SELECT sp.id, sp.meeting_id, sp.author_id, u.name AS author_name, s.name AS sector_name, sp.title, sp.content,
    sp.state, sp.review_comment, sp.oral_order, sp.submitted_at, sp.updated_at
  FROM meeting_speeches sp JOIN users u ON u.id = sp.author_id LEFT JOIN sectors s ON s.id = u.sector_id`;

/** The running order first, then the rest in the order they came in. */
const ORDER = `ORDER BY sp.oral_order NULLS LAST, sp.submitted_at NULLS LAST, sp.created_at, sp.id`;

/** All of a meeting's speeches, or (visibleTo) the accepted oral ones plus that person's own. */
export async function meetingSpeeches(m: EntityManager, meetingId: string, opts: { visibleTo?: string } = {}): Promise<SpeechRow[]> {
  if (!opts.visibleTo) return m.query(`${SELECT} WHERE sp.meeting_id = $1 ${ORDER}`, [meetingId]);
  return m.query(`${SELECT} WHERE sp.meeting_id = $1 AND (sp.state = 'oral' OR sp.author_id = $2) ${ORDER}`, [meetingId, opts.visibleTo]);
}

export async function findSpeech(m: EntityManager, id: string, lock = false): Promise<SpeechRow | null> {
  const [row]: SpeechRow[] = await m.query(`${SELECT} WHERE sp.id = $1${lock ? ' FOR UPDATE OF sp' : ''}`, [id]);
  return row ?? null;
}

/** The office and the author see everything; others see an accepted oral speech's title, author and place only. */
export function toSpeech(r: SpeechRow, viewer: Pick<SessionUser, 'id' | 'roles'>): Speech {
  const full = viewer.roles.includes('admin') || viewer.id === r.author_id;
  return {
    id: r.id, meetingId: r.meeting_id, authorId: r.author_id, authorName: r.author_name, sectorName: r.sector_name,
    title: r.title, content: full ? r.content : '', state: r.state, reviewComment: full ? r.review_comment : null,
    oralOrder: r.oral_order, submittedAt: r.submitted_at?.toISOString() ?? null, updatedAt: r.updated_at.toISOString(),
    allowedActions: speechMachine.allowedActions(viewer, { state: r.state, authorId: r.author_id }),
  };
}
