import { ROLES } from '@xieshang/contracts';
import { speechMachine, type SpeechAction, type SpeechState } from './speech.machine';
import type { WorkflowActor } from './state-machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const EXPECTED: ExpectedTable<SpeechState, SpeechAction> = {
  draft: { submit: 'submitted' },
  submitted: { start_review: 'in_review', withdraw: 'draft' },
  in_review: {
    accept_oral: 'oral',
    accept_written: 'written_only',
    request_revision: 'needs_revision',
    divert: 'diverted',
  },
  oral: { accept_written: 'written_only' },
  written_only: { accept_oral: 'oral' },
  needs_revision: { submit: 'submitted' },
  diverted: {},
};

const AUTHOR_ACTIONS: readonly SpeechAction[] = ['submit', 'withdraw'];
// An admin who wrote the speech: passes both the author and the office checks.
const authorAdmin: WorkflowActor = { id: 'u-author', roles: [...ROLES] };
const author: WorkflowActor = { id: 'u-author', roles: ['member'] };
const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const subject = (state: string) => ({ state, authorId: 'u-author' });

describe('speechMachine', () => {
  it('has exactly the states of flow 5', () => {
    expect([...speechMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(speechMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = speechMachine.apply(authorAdmin, subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: speechMachine.transitions[action].to, action } },
      });
    }
  });

  const actors: [string, WorkflowActor][] = [
    ['the author', author],
    ['another member', { id: 'u-other', roles: ['member'] }],
    ['the office', admin],
    ['the chair', { id: 'u-chair', roles: ['chair'] }],
  ];
  const roleCases = speechMachine.actions.flatMap((action) =>
    actors.map(([who, actor]) => ({
      action,
      who,
      actor,
      ok: AUTHOR_ACTIONS.includes(action) ? actor === author : actor === admin,
    })),
  );

  it.each(roleCases)('$action by $who → allowed $ok', ({ action, actor, ok }) => {
    const from = speechMachine.transitions[action].from[0];
    const result = speechMachine.apply(actor, subject(from), action, FULL_INPUT);
    expect(result).toEqual(ok ? { to: speechMachine.transitions[action].to } : { error: { code: 'FORBIDDEN', params: { action } } });
  });

  it('lets the author resubmit after revision, and nobody else', () => {
    expect(speechMachine.apply(author, subject('needs_revision'), 'submit')).toEqual({ to: 'submitted' });
    expect(speechMachine.apply(admin, subject('needs_revision'), 'submit')).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('demands a comment to ask for revision or to divert', () => {
    expect(requiredFieldCases(speechMachine)).toEqual([
      ['request_revision', 'comment'],
      ['divert', 'comment'],
    ]);
  });

  it.each(requiredFieldCases(speechMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = speechMachine.transitions[action].from[0];
    expect(speechMachine.apply(admin, subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it('shows each side its own buttons', () => {
    expect(speechMachine.allowedActions(author, subject('submitted'))).toEqual(['withdraw']);
    expect(speechMachine.allowedActions(admin, subject('submitted'))).toEqual(['start_review']);
    expect(speechMachine.allowedActions(admin, subject('in_review'))).toEqual([
      'accept_oral',
      'accept_written',
      'request_revision',
      'divert',
    ]);
  });

  it('ends at diverted', () => expect(speechMachine.isTerminal('diverted')).toBe(true));
});
