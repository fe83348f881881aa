import { LIVE_LIMITS, LiveAgendaItem, type LiveState } from '@xieshang/contracts';
import { initialLiveState, type ArrangedSpeechParam } from '@xieshang/domain';
import type { LiveMeetingInfo, LivePerson } from './live-directory';

/** What SpeechesService.oralSpeechesInOrder gives: accepted oral speeches, in speaking order. */
export interface ArrangedSpeech {
  speechId: string;
  authorId: string;
  authorName: string;
  sectorName: string | null;
}

const clampText = (s: string) => s.trim().slice(0, LIVE_LIMITS.text);

/** The meeting's agenda as the live state takes it: valid items only, titles within the state's limit. */
export function liveAgenda(raw: readonly unknown[]): LiveAgendaItem[] {
  const out: LiveAgendaItem[] = [];
  for (const item of raw.slice(0, LIVE_LIMITS.maxAgendaItems)) {
    const i = item as Partial<LiveAgendaItem>;
    const parsed = LiveAgendaItem.safeParse({ id: i?.id, kind: i?.kind, title: typeof i?.title === 'string' ? clampText(i.title) : i?.title });
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function speakingLimitMs(minutes: number): number {
  return Math.min(LIVE_LIMITS.maxSpeakingMs, Math.max(LIVE_LIMITS.minSpeakingMs, Math.round(minutes * 60_000)));
}

/** Name and sector as the queue shows them (absent rather than empty, so states compare equal after JSON). */
export function speakerFields(p: Pick<LivePerson, 'name' | 'sectorName'> | undefined | null): { name?: string; sectorName?: string } {
  const name = p ? clampText(p.name) : '';
  const sector = p?.sectorName ? clampText(p.sectorName) : '';
  return { ...(name && { name }), ...(sector && { sectorName: sector }) };
}

/**
 * The state a session starts from (version 0): the meeting's agenda, speaking limit and fairness
 * setting, and the accepted oral speeches in their order as arranged entries. Deterministic for the
 * same inputs, so rebuilding it tells whether anything changed before the session started.
 */
export function seedLiveState(meeting: LiveMeetingInfo, speeches: readonly ArrangedSpeech[]): LiveState {
  const mode = meeting.mode === 'remote' ? 'remote' : 'room';
  const arranged: ArrangedSpeechParam[] = speeches.slice(0, LIVE_LIMITS.maxEntries).map((s) => ({
    speechId: s.speechId,
    memberId: s.authorId,
    mode,
    ...speakerFields({ name: s.authorName, sectorName: s.sectorName }),
  }));
  return initialLiveState({
    meetingId: meeting.id,
    agenda: liveAgenda(meeting.agenda),
    arranged,
    speakingLimitMs: speakingLimitMs(meeting.speakingLimitMinutes),
    settings: { firstTimeFirst: meeting.firstTimeFirst },
    createdAt: meeting.startsAt.getTime(),
  });
}
