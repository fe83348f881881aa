import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import type { LiveCommand } from '@xieshang/contracts';

export { occurrences, storedText, Typist } from '../../../apps/api/test/support/collab-typing';

/*
 * Helpers shared by the outage and failover fault suites: live commands with ids the test knows (so it can
 * look them up in live_events), typists whose acknowledged tokens are known, and reading PostgreSQL back.
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<LiveCommand, 'clientCommandId'>;

export interface SentCommand {
  id: string;
  type: string;
  /** the ack; `NO_ANSWER` when none came in time (neither acknowledged nor refused: not counted either way) */
  ack: { data: { version: number } } | { error: { code: string; message?: string } };
  ms: number;
}

export const acked = (c: SentCommand): boolean => 'data' in c.ack;
export const codeOf = (c: SentCommand): string | undefined => ('error' in c.ack ? c.ack.error.code : undefined);

/**
 * Send one command over a live socket (the web client's own socket) with a clientCommandId the test
 * chose, once: a refusal must stay a refusal, so there is no retry here.
 */
export async function liveCommand(socket: Socket, meetingId: string, input: CommandInput, timeoutMs = 10_000): Promise<SentCommand> {
  const id = randomUUID();
  const t0 = Date.now();
  let ack: SentCommand['ack'];
  try {
    ack = (await socket.timeout(timeoutMs).emitWithAck('live:command', { meetingId, command: { ...input, clientCommandId: id } })) as SentCommand['ack'];
  } catch {
    ack = { error: { code: 'NO_ANSWER' } };
  }
  return { id, type: input.type, ack, ms: Date.now() - t0 };
}

/** A fresh connection per question: the suite stops PostgreSQL, which ends long-lived clients. */
export async function withDb<T>(url: string, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  db.on('error', () => undefined);
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** How many live_events rows each clientCommandId has (missing ids: 0). */
export async function storedCommandCounts(db: Client, meetingId: string, ids: string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; n: string }>(
    `SELECT client_command_id AS id, count(*) AS n FROM live_events WHERE meeting_id = $1 AND client_command_id = ANY($2::uuid[]) GROUP BY 1`,
    [meetingId, ids],
  );
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const r of rows.rows) counts.set(r.id, Number(r.n));
  return counts;
}

export async function storedSession(db: Client, meetingId: string): Promise<{ version: number; state: unknown }> {
  const rows = await db.query<{ version: number; state: unknown }>(`SELECT version, state FROM live_sessions WHERE meeting_id = $1`, [meetingId]);
  return rows.rows[0];
}

/** Wait until `check` holds and return how long that took (ms). */
export async function timeUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Date.now() - t0;
}
