import type { LiveEntry, LiveState } from '@xieshang/contracts';

export interface SpeakingLogRow {
  entryId: string;
  memberId: string;
  name: string | null;
  sectorName: string | null;
  kind: LiveEntry['kind'];
  mode: LiveEntry['mode'];
  agendaItemId: string | null;
  agendaTitle: string | null;
  speechId: string | null;
  startedAt: number;
  endedAt: number;
  durationMs: number;
}

/**
 * Speeches a command finished: entries that are `done` after it and were not before. Finishing is
 * the only way into `done` (queue:finish, calling the next speaker with finishCurrent, ending the
 * session), so comparing the two states catches them all without knowing the command.
 */
export function finishedSpeeches(before: LiveState, after: LiveState): SpeakingLogRow[] {
  if (after.entries === before.entries) return [];
  const wasDone = new Set(before.entries.filter((e) => e.status === 'done').map((e) => e.id));
  const titles = new Map(after.agenda.map((a) => [a.id, a.title]));
  return after.entries
    .filter((e) => e.status === 'done' && !wasDone.has(e.id))
    .map((e) => {
      const endedAt = e.endedAt ?? e.startedAt ?? 0;
      const startedAt = e.startedAt ?? endedAt;
      return {
        entryId: e.id,
        memberId: e.memberId,
        name: e.name ?? null,
        sectorName: e.sectorName ?? null,
        kind: e.kind,
        mode: e.mode,
        agendaItemId: e.agendaItemId,
        agendaTitle: e.agendaItemId ? (titles.get(e.agendaItemId) ?? null) : null,
        speechId: e.speechId ?? null,
        startedAt,
        endedAt,
        durationMs: e.durationMs ?? Math.max(0, endedAt - startedAt),
      };
    });
}
