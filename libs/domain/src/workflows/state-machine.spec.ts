import { defineMachine, isIsoDate, isTransitionError, type TransitionInput, type WorkflowActor } from './state-machine';

type S = 'open' | 'closed' | 'archived';
type A = 'close' | 'reopen' | 'archive';
interface Subj {
  state: string;
  ownerId: string;
}

const toy = defineMachine<S, A, Subj>({
  states: ['open', 'closed', 'archived'],
  transitions: {
    close: { from: ['open'], to: 'closed', roles: ['admin'], requires: ['reason'] },
    reopen: {
      from: ['closed'],
      to: 'open',
      roles: (actor, s) => actor.id === s.ownerId,
      requires: ['comment'],
      validate: (input) => (input.comment === 'no' ? { field: 'comment', reason: 'NO' } : null),
    },
    archive: { from: ['closed'], to: 'archived', roles: ['admin', 'chair'] },
  },
});

const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const member: WorkflowActor = { id: 'u-member', roles: ['member'] };
const open: Subj = { state: 'open', ownerId: 'u-member' };
const closed: Subj = { state: 'closed', ownerId: 'u-member' };

describe('defineMachine', () => {
  it('lists states and actions from the definition', () => {
    expect(toy.states).toEqual(['open', 'closed', 'archived']);
    expect(toy.actions).toEqual(['close', 'reopen', 'archive']);
  });

  it('applies an allowed transition', () => {
    expect(toy.apply(admin, open, 'close', { reason: 'done' })).toEqual({ to: 'closed' });
  });

  it('refuses a known action from the wrong state with from and to', () => {
    expect(toy.apply(admin, closed, 'close', { reason: 'x' })).toEqual({
      error: { code: 'INVALID_TRANSITION', params: { from: 'closed', to: 'closed', action: 'close' } },
    });
  });

  it.each(['fly', 'constructor', '__proto__', 'toString', ''])('refuses unknown action %p with from and action', (action) => {
    expect(toy.apply(admin, open, action)).toEqual({ error: { code: 'INVALID_TRANSITION', params: { from: 'open', action } } });
    expect(toy.can(admin, open, action)).toBe(false);
  });

  it('refuses a subject in a state the machine does not know', () => {
    const r = toy.apply(admin, { state: 'bogus', ownerId: 'x' }, 'close', { reason: 'r' });
    expect(r).toEqual({ error: { code: 'INVALID_TRANSITION', params: { from: 'bogus', to: 'closed', action: 'close' } } });
  });

  it('checks state before role, and role before input', () => {
    expect(toy.apply(member, closed, 'close')).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    expect(toy.apply(member, open, 'close')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'close' } } });
    expect(toy.apply(admin, open, 'close')).toEqual({ error: { code: 'VALIDATION_FAILED', params: { field: 'reason' } } });
  });

  it.each([undefined, null, '', '   ', 42, ['x']])('treats %p as a missing required field', (reason) => {
    // Untyped input from the wire: the machine must not trust the declared types.
    expect(toy.apply(admin, open, 'close', { reason } as unknown as TransitionInput)).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field: 'reason' } },
    });
  });

  it('uses ownership predicates', () => {
    expect(toy.apply(member, closed, 'reopen', { comment: 'again' })).toEqual({ to: 'open' });
    expect(toy.apply(admin, closed, 'reopen', { comment: 'again' })).toEqual({
      error: { code: 'FORBIDDEN', params: { action: 'reopen' } },
    });
  });

  it('runs value checks after presence checks', () => {
    expect(toy.apply(member, closed, 'reopen', { comment: 'no' })).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field: 'comment', reason: 'NO' } },
    });
  });

  it('lists allowed actions per actor and subject, ignoring input', () => {
    expect(toy.allowedActions(admin, open)).toEqual(['close']);
    expect(toy.allowedActions(admin, closed)).toEqual(['archive']);
    expect(toy.allowedActions(member, closed)).toEqual(['reopen']);
    expect(toy.allowedActions({ id: 'x', roles: ['chair', 'member'] }, closed)).toEqual(['archive']);
    expect(toy.allowedActions(member, { state: 'archived', ownerId: 'u-member' })).toEqual([]);
    expect(toy.can(admin, open, 'close')).toBe(true);
  });

  it('knows terminal states', () => {
    expect(toy.isTerminal('archived')).toBe(true);
    expect(toy.isTerminal('open')).toBe(false);
  });

  it('narrows results', () => {
    const r = toy.apply(admin, open, 'close', { reason: 'r' });
    expect(isTransitionError(r)).toBe(false);
    expect(isTransitionError(toy.apply(admin, open, 'close'))).toBe(true);
  });

  it('rejects definitions naming unknown states or duplicate states', () => {
    expect(() =>
      defineMachine<'a' | 'b', 'go', { state: string }>({ states: ['a'], transitions: { go: { from: ['a'], to: 'b', roles: [] } } }),
    ).toThrow('unknown state b');
    expect(() =>
      defineMachine<'a', 'go', { state: string }>({ states: ['a', 'a'], transitions: { go: { from: ['a'], to: 'a', roles: [] } } }),
    ).toThrow('duplicate state');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    [20260101, false],
  ])('%p → %p', (v, ok) => expect(isIsoDate(v)).toBe(ok));
});
