import { LIVE_LIMITS, uuid } from '@xieshang/contracts';
import type {
  LiveActor,
  LiveAgendaItem,
  LiveEntry,
  LiveError,
  LiveErrorCode,
  LiveSettings,
  LiveState,
  SpeakingMode,
} from '@xieshang/contracts';

export interface LiveContext {
  actor: LiveActor;
  /** server epoch ms; the reducer never reads a clock */
  at: number;
  /** id for an entry the command creates; the server generates it, clients take it from the event */
  entryId?: string;
}

export type ReduceResult = { state: LiveState; error?: undefined } | { state: LiveState; error: LiveError };

export interface ArrangedSpeechParam {
  speechId: string;
  memberId: string;
  name?: string;
  sectorName?: string;
  mode?: SpeakingMode;
  /** defaults to the first agenda item of kind arranged_speeches, else the first item */
  agendaItemId?: string;
  /** defaults to speechId, which is unique and keeps the initial state deterministic */
  entryId?: string;
}

export interface InitialLiveStateParams {
  meetingId: string;
  agenda: readonly LiveAgendaItem[];
  /** accepted oral speeches, in speaking order */
  arranged: readonly ArrangedSpeechParam[];
  speakingLimitMs: number;
  settings?: Partial<LiveSettings>;
  /** requestedAt of the arranged entries (epoch ms) */
  createdAt: number;
}

export function initialLiveState(p: InitialLiveStateParams): LiveState {
  const defaultItem = (p.agenda.find((a) => a.kind === 'arranged_speeches') ?? p.agenda[0])?.id ?? null;
  const entries: LiveEntry[] = p.arranged.map((s) => ({
    id: s.entryId ?? s.speechId,
    kind: 'arranged',
    memberId: s.memberId,
    ...(s.name !== undefined && { name: s.name }),
    ...(s.sectorName !== undefined && { sectorName: s.sectorName }),
    mode: s.mode ?? 'room',
    status: 'queued',
    agendaItemId: s.agendaItemId ?? defaultItem,
    requestedAt: p.createdAt,
    speechId: s.speechId,
  }));
  return {
    meetingId: p.meetingId,
    status: 'scheduled',
    agenda: [...p.agenda],
    agendaIndex: 0,
    entries,
    order: entries.map((e) => e.id),
    pending: [],
    listOpen: true,
    timer: null,
    speakingLimitMs: p.speakingLimitMs,
    settings: { firstTimeFirst: p.settings?.firstTimeFirst ?? false },
    version: 0,
  };
}

// ---- small immutable helpers shared by the command handlers ----

export const fail = (code: LiveErrorCode, params?: LiveError['params']): LiveError =>
  params ? { code, params } : { code };

export const findEntry = (s: LiveState, id: string): LiveEntry | undefined => s.entries.find((e) => e.id === id);

export const currentAgendaItemId = (s: LiveState): string | null => s.agenda[s.agendaIndex]?.id ?? null;

export const isOpen = (e: LiveEntry): boolean => e.status === 'queued' || e.status === 'called' || e.status === 'speaking';

export const activeEntry = (s: LiveState): LiveEntry | undefined =>
  s.entries.find((e) => e.status === 'speaking') ?? s.entries.find((e) => e.status === 'called');

export const hasSpoken = (s: LiveState, memberId: string): boolean =>
  s.entries.some((e) => e.memberId === memberId && (e.status === 'done' || e.status === 'speaking'));

/** Arranged speeches may repeat; every other kind is one open request per member and kind. */
export const hasOpenOfKind = (s: LiveState, memberId: string, kind: LiveEntry['kind']): boolean =>
  kind !== 'arranged' && s.entries.some((e) => e.memberId === memberId && e.kind === kind && isOpen(e));

export function replaceEntry(s: LiveState, next: LiveEntry): LiveEntry[] {
  return s.entries.map((e) => (e.id === next.id ? next : e));
}

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const i = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, i), item, ...list.slice(i)];
}

export const without = (list: readonly string[], id: string): string[] => list.filter((x) => x !== id);

/**
 * Where "the front of the queue" starts: after the called entry (already on the way to the microphone)
 * and after points of order accepted earlier.
 */
export function frontIndex(s: LiveState): number {
  let i = 0;
  while (i < s.order.length) {
    const e = findEntry(s, s.order[i]);
    if (!e || !(e.status === 'called' || (e.kind === 'point_of_order' && e.accepted === true))) break;
    i++;
  }
  return i;
}

export function newEntry(
  s: LiveState,
  ctx: LiveContext,
  fields: Pick<LiveEntry, 'kind' | 'memberId' | 'mode'> & Partial<LiveEntry>,
): LiveEntry | LiveError {
  if (!ctx.entryId || !uuid.safeParse(ctx.entryId).success) return fail('VALIDATION_FAILED', { field: 'entryId' });
  if (s.entries.length >= LIVE_LIMITS.maxEntries) return fail('VALIDATION_FAILED', { field: 'entries', max: LIVE_LIMITS.maxEntries });
  if (findEntry(s, ctx.entryId)) return fail('VALIDATION_FAILED', { field: 'entryId', reason: 'duplicate' });
  const entry: LiveEntry = {
    status: 'queued',
    agendaItemId: currentAgendaItemId(s),
    requestedAt: ctx.at,
    ...fields,
    id: ctx.entryId,
  };
  // optional keys stay absent rather than undefined so snapshots compare equal after a JSON round-trip
  for (const k of Object.keys(entry) as (keyof LiveEntry)[]) if (entry[k] === undefined) delete entry[k];
  return entry;
}
