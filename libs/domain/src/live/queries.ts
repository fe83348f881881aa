import type { EntryKind, LiveEntry, LiveState, SpeakingMode } from '@xieshang/contracts';
import { findEntry } from './live-state';
import { timerElapsedMs } from './timer';

export { timerElapsedMs, timerRemainingMs } from './timer';

/** Who has the floor: the speaker, or the person called to the microphone. */
export function currentSpeaker(s: LiveState): LiveEntry | null {
  return s.entries.find((e) => e.status === 'speaking') ?? s.entries.find((e) => e.status === 'called') ?? null;
}

const queuedInOrder = (s: LiveState): LiveEntry[] =>
  s.order.map((id) => findEntry(s, id)).filter((e): e is LiveEntry => e?.status === 'queued');

/** The next `n` people waiting, after the current speaker and whoever is called. */
export const nextEntries = (s: LiveState, n: number): LiveEntry[] => queuedInOrder(s).slice(0, Math.max(0, n));

/**
 * 1 = next after the current speaker; null when the member waits for nothing (or only for the host
 * to accept a request). Their earliest entry counts.
 */
export function positionOf(s: LiveState, memberId: string): number | null {
  const i = queuedInOrder(s).findIndex((e) => e.memberId === memberId);
  return i < 0 ? null : i + 1;
}

export interface SpeakingTotal {
  count: number;
  totalMs: number;
}
export interface MemberTotal extends SpeakingTotal {
  memberId: string;
  name?: string;
  sectorName?: string;
}
export interface SectorTotal extends SpeakingTotal {
  /** null: speakers without a sector (department liaisons, guests) */
  sectorName: string | null;
}

function spokenMs(s: LiveState, e: LiveEntry, now: number | undefined): number | null {
  if (e.status === 'done') return e.durationMs ?? 0;
  if (e.status !== 'speaking' || now === undefined) return null;
  return s.timer?.entryId === e.id ? timerElapsedMs(s.timer, now) : Math.max(0, now - (e.startedAt ?? now));
}

/** Totals per member and per sector, in order of first speech; pass `now` to include the running speech. */
export function speakingTotals(s: LiveState, now?: number): { byMember: MemberTotal[]; bySector: SectorTotal[] } {
  const byMember = new Map<string, MemberTotal>();
  const bySector = new Map<string | null, SectorTotal>();
  for (const e of s.entries) {
    const ms = spokenMs(s, e, now);
    if (ms === null) continue;
    const m = byMember.get(e.memberId) ?? {
      memberId: e.memberId,
      count: 0,
      totalMs: 0,
      ...(e.name !== undefined && { name: e.name }),
      ...(e.sectorName !== undefined && { sectorName: e.sectorName }),
    };
    byMember.set(e.memberId, { ...m, count: m.count + 1, totalMs: m.totalMs + ms });
    const key = e.sectorName ?? null;
    const t = bySector.get(key) ?? { sectorName: key, count: 0, totalMs: 0 };
    bySector.set(key, { ...t, count: t.count + 1, totalMs: t.totalMs + ms });
  }
  return { byMember: [...byMember.values()], bySector: [...bySector.values()] };
}

/**
 * Who asked for the floor and did not get it: still waiting (queued, called, or a request the host
 * never placed) or skipped by the host. Withdrawn entries and refused points of order are not counted.
 */
export function unreached(s: LiveState): LiveEntry[] {
  return s.entries.filter(
    (e) =>
      e.status === 'queued' ||
      e.status === 'called' ||
      (e.status === 'skipped' && !(e.kind === 'point_of_order' && e.accepted === false)),
  );
}

export interface SpeakingLogItem {
  entryId: string;
  memberId: string;
  name?: string;
  sectorName?: string;
  kind: EntryKind;
  mode: SpeakingMode;
  agendaItemId: string | null;
  speechId?: string;
  startedAt: number;
  endedAt: number;
  durationMs: number;
}

/** Finished speeches in the order they were given: feeds the minutes and duty records. */
export function speakingLog(s: LiveState): SpeakingLogItem[] {
  return s.entries
    .filter((e) => e.status === 'done')
    .map((e) => {
      const startedAt = e.startedAt ?? e.endedAt ?? 0;
      const endedAt = e.endedAt ?? startedAt;
      return {
        entryId: e.id,
        memberId: e.memberId,
        ...(e.name !== undefined && { name: e.name }),
        ...(e.sectorName !== undefined && { sectorName: e.sectorName }),
        kind: e.kind,
        mode: e.mode,
        agendaItemId: e.agendaItemId,
        ...(e.speechId !== undefined && { speechId: e.speechId }),
        startedAt,
        endedAt,
        durationMs: e.durationMs ?? endedAt - startedAt,
      };
    })
    .sort((a, b) => a.startedAt - b.startedAt);
}
