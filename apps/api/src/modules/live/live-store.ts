import type { EntityManager } from 'typeorm';
import type { LiveEvent, LiveState } from '@xieshang/contracts';
import type { SpeakingLogRow } from './speaking-log';

/** Raw SQL of the live tables. Every function takes the manager of the caller's transaction (or the pool's). */
type Q = Pick<EntityManager, 'query'>;

/**
 * Lock the meeting's session row for the rest of the transaction: this serializes commands for one
 * meeting across every instance. The state travels only when the caller's cached copy is not current.
 */
export async function lockSession(q: Q, meetingId: string, cachedVersion: number | null): Promise<{ version: number; state: LiveState | null } | null> {
  const [row]: Array<{ version: number; state: LiveState | null }> = await q.query(
    `SELECT version, CASE WHEN version = $2 THEN NULL ELSE state END AS state FROM live_sessions WHERE meeting_id = $1 FOR UPDATE`,
    [meetingId, cachedVersion ?? -1],
  );
  return row ?? null;
}

/** Create the row with its version-0 state unless another instance just did. */
export async function insertSession(q: Q, meetingId: string, state: LiveState): Promise<void> {
  await q.query(`INSERT INTO live_sessions (meeting_id, state, version) VALUES ($1, $2, 0) ON CONFLICT (meeting_id) DO NOTHING`, [meetingId, JSON.stringify(state)]);
}

/**
 * Before the first command, rebuild the version-0 state from the meeting (the arranged speeches may have
 * changed). True when the stored state changed; PostgreSQL compares the jsonb values.
 */
export async function replaceInitialState(q: Q, meetingId: string, state: LiveState): Promise<boolean> {
  const rows: unknown[] = await q.query(
    `UPDATE live_sessions SET state = $2::jsonb, updated_at = now() WHERE meeting_id = $1 AND version = 0 AND state <> $2::jsonb RETURNING 1`,
    [meetingId, JSON.stringify(state)],
  );
  return rows.length > 0;
}

/** The version and write stamp (updated_at as text, exact) without the state. */
export async function readHead(q: Q, meetingId: string): Promise<{ version: number; stamp: string } | null> {
  const [row]: Array<{ version: number; stamp: string }> = await q.query(`SELECT version, updated_at::text AS stamp FROM live_sessions WHERE meeting_id = $1`, [meetingId]);
  return row ?? null;
}

export async function readSnapshot(q: Q, meetingId: string): Promise<{ version: number; state: LiveState; stamp: string } | null> {
  const [row]: Array<{ version: number; state: LiveState; stamp: string }> = await q.query(
    `SELECT version, state, updated_at::text AS stamp FROM live_sessions WHERE meeting_id = $1`,
    [meetingId],
  );
  return row ?? null;
}

/** Versions already given to these client command ids (a retry is answered, not applied again). */
export async function storedVersions(q: Q, meetingId: string, clientCommandIds: readonly string[]): Promise<Map<string, number>> {
  const rows: Array<{ client_command_id: string; version: number }> = await q.query(
    `SELECT client_command_id, version FROM live_events WHERE meeting_id = $1 AND client_command_id = ANY($2::uuid[])`,
    [meetingId, clientCommandIds],
  );
  return new Map(rows.map((r) => [r.client_command_id, r.version]));
}

export async function readEvents(q: Q, meetingId: string, afterVersion: number, upToVersion: number): Promise<LiveEvent[]> {
  const rows: Array<{ event: LiveEvent }> = await q.query(
    `SELECT event FROM live_events WHERE meeting_id = $1 AND version > $2 AND version <= $3 ORDER BY version`,
    [meetingId, afterVersion, upToVersion],
  );
  return rows.map((r) => r.event);
}

export interface StoredEvent {
  event: LiveEvent;
  clientCommandId: string;
}

/**
 * The accepted commands of one batch and the new state, written together. Returns false, having
 * written nothing that counts, when one of the commands was stored before (a retry the caller did not
 * know about): the caller then rolls back and runs the batch again, looking the ids up first.
 */
export async function saveBatch(q: Q, meetingId: string, state: LiveState, events: readonly StoredEvent[], log: readonly SpeakingLogRow[]): Promise<boolean> {
  const inserted: unknown[] = await q.query(
    `INSERT INTO live_events (meeting_id, version, client_command_id, actor_id, event)
     SELECT $1, v.version, v.client_command_id, v.actor_id, v.event
       FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::jsonb[]) AS v(version, client_command_id, actor_id, event)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [meetingId, events.map((e) => e.event.version), events.map((e) => e.clientCommandId), events.map((e) => e.event.actorId), events.map((e) => JSON.stringify(e.event))],
  );
  if (inserted.length !== events.length) return false;
  await q.query(`UPDATE live_sessions SET state = $2, version = $3, updated_at = now() WHERE meeting_id = $1`, [meetingId, JSON.stringify(state), state.version]);
  if (!log.length) return true;
  const params: unknown[] = [meetingId];
  const values = log.map((r) => {
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    return `($1, ${p(r.entryId)}, ${p(r.memberId)}, ${p(r.name)}, ${p(r.sectorName)}, ${p(r.kind)}, ${p(r.mode)}, ${p(r.agendaItemId)}, ${p(r.agendaTitle)}, ${p(r.speechId)}, ${p(new Date(r.startedAt))}, ${p(new Date(r.endedAt))}, ${p(r.durationMs)})`;
  });
  // entry ids are unique per state, and a finished entry never finishes twice; ON CONFLICT only guards replays
  await q.query(
    `INSERT INTO speaking_log (meeting_id, entry_id, member_id, name, sector_name, kind, mode, agenda_item_id, agenda_title, speech_id, started_at, ended_at, duration_ms)
     VALUES ${values.join(', ')} ON CONFLICT (entry_id) DO NOTHING`,
    params,
  );
  return true;
}
