import type { LiveCommandOf, LiveError, LiveSessionStatus, LiveState } from '@xieshang/contracts';
import { finishSpeaking } from './floor-commands';
import { requireHost, requireNotEnded, requireStatus } from './guards';
import { fail, type LiveContext } from './live-state';
import { extendTimer, isTimerRunning, pauseTimer, resumeTimer, startTimer } from './timer';

type Out = LiveState | LiveError;

function move(s: LiveState, ctx: LiveContext, from: readonly LiveSessionStatus[], to: LiveSessionStatus): Out {
  const err = requireHost(ctx);
  if (err) return err;
  if (!from.includes(s.status)) return fail('INVALID_TRANSITION', { from: s.status, to });
  return { ...s, status: to };
}

export function openSession(s: LiveState, ctx: LiveContext): Out {
  const next = move(s, ctx, ['scheduled'], 'live');
  return 'code' in next ? next : { ...next, openedAt: ctx.at };
}

/** A break stops the clock of whoever is speaking; resuming the speech is the host's call. */
export function pauseSession(s: LiveState, ctx: LiveContext): Out {
  const next = move(s, ctx, ['live'], 'paused');
  if ('code' in next) return next;
  return isTimerRunning(next.timer) ? { ...next, timer: pauseTimer(next.timer, ctx.at) } : next;
}

export const resumeSession = (s: LiveState, ctx: LiveContext): Out => move(s, ctx, ['paused'], 'live');

/** Ending closes the current speech; everyone still waiting stays queued so the log shows who was not reached. */
export function endSession(s: LiveState, ctx: LiveContext): Out {
  const next = move(s, ctx, ['scheduled', 'live', 'paused'], 'ended');
  if ('code' in next) return next;
  const speaking = next.entries.find((e) => e.status === 'speaking');
  const closed = speaking ? finishSpeaking(next, speaking, ctx.at) : next;
  return { ...closed, timer: null, endedAt: ctx.at };
}

export function nextAgendaItem(s: LiveState, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live', 'paused');
  if (err) return err;
  const speaking = s.entries.find((e) => e.status === 'speaking');
  if (speaking) return fail('SPEAKER_ACTIVE', { entryId: speaking.id });
  if (s.agendaIndex + 1 >= s.agenda.length) return fail('INVALID_TRANSITION', { from: s.agendaIndex, to: s.agendaIndex + 1 });
  return { ...s, agendaIndex: s.agendaIndex + 1 };
}

export function updateSettings(s: LiveState, c: LiveCommandOf<'settings:update'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireNotEnded(s);
  if (err) return err;
  return {
    ...s,
    speakingLimitMs: c.speakingLimitMs ?? s.speakingLimitMs,
    settings: { ...s.settings, firstTimeFirst: c.firstTimeFirst ?? s.settings.firstTimeFirst },
  };
}

type TimerCommand = LiveCommandOf<'timer:start' | 'timer:pause' | 'timer:resume' | 'timer:stop' | 'timer:extend'>;

export function timerCommand(s: LiveState, c: TimerCommand, ctx: LiveContext): Out {
  const starting = c.type === 'timer:start' || c.type === 'timer:resume';
  const err = requireHost(ctx) ?? (starting ? requireStatus(s, 'live') : requireStatus(s, 'live', 'paused'));
  if (err) return err;
  const t = s.timer;
  const state = t === null ? 'stopped' : t.pausedAt === undefined ? 'running' : 'paused';
  const refuse = (to: string) => fail('INVALID_TRANSITION', { from: state, to });
  switch (c.type) {
    case 'timer:start': {
      if (t !== null) return refuse('running');
      const speaking = s.entries.find((e) => e.status === 'speaking');
      return { ...s, timer: startTimer(ctx.at, c.durationMs ?? s.speakingLimitMs, speaking?.id) };
    }
    case 'timer:pause':
      return isTimerRunning(t) ? { ...s, timer: pauseTimer(t, ctx.at) } : refuse('paused');
    case 'timer:resume':
      return t !== null && t.pausedAt !== undefined ? { ...s, timer: resumeTimer(t, ctx.at) } : refuse('running');
    case 'timer:stop':
      return t !== null ? { ...s, timer: null } : refuse('stopped');
    case 'timer:extend':
      return t !== null ? { ...s, timer: extendTimer(t, c.ms) } : refuse('extended');
  }
}
