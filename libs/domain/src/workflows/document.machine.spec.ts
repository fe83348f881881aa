import { ROLES } from '@xieshang/contracts';
import { documentMachine, type DocumentAction, type DocumentState } from './document.machine';
import type { WorkflowActor } from './state-machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const EXPECTED: ExpectedTable<DocumentState, DocumentAction> = {
  draft: { submit_for_review: 'in_review' },
  in_review: { finalize: 'finalized', send_back: 'draft' },
  finalized: {},
};

const everyone: WorkflowActor = { id: 'u-all', roles: [...ROLES] };
const editor: WorkflowActor = { id: 'u-editor', roles: ['member'] };
const subject = (state: string) => ({ state, editorIds: ['u-editor'] });

describe('documentMachine', () => {
  it('has exactly the states of flow 7', () => {
    expect([...documentMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(documentMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = documentMachine.apply(everyone, subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: documentMachine.transitions[action].to, action } },
      });
    }
  });

  it.each([
    ['submit_for_review', 'an assigned editor', editor, true],
    ['submit_for_review', 'the office', { id: 'a', roles: ['admin'] }, true],
    ['submit_for_review', 'another member', { id: 'm', roles: ['member'] }, false],
    ['submit_for_review', 'the chair', { id: 'c', roles: ['chair'] }, false],
    ['finalize', 'the office', { id: 'a', roles: ['admin'] }, true],
    ['finalize', 'the chair', { id: 'c', roles: ['chair'] }, true],
    ['finalize', 'an assigned editor', editor, false],
    ['finalize', 'a leader', { id: 'l', roles: ['leader'] }, false],
    ['send_back', 'the chair', { id: 'c', roles: ['chair'] }, true],
    ['send_back', 'an assigned editor', editor, false],
  ] as const)('%s by %s → allowed %p', (action, _who, actor: WorkflowActor, ok) => {
    const from = documentMachine.transitions[action].from[0];
    const result = documentMachine.apply(actor, subject(from), action, FULL_INPUT);
    expect(result).toEqual(ok ? { to: documentMachine.transitions[action].to } : { error: { code: 'FORBIDDEN', params: { action } } });
  });

  it('treats a document without editors as office-only', () => {
    expect(documentMachine.can(editor, { state: 'draft' }, 'submit_for_review')).toBe(false);
  });

  it('demands a comment to send back', () => {
    expect(requiredFieldCases(documentMachine)).toEqual([['send_back', 'comment']]);
  });

  it.each(requiredFieldCases(documentMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = documentMachine.transitions[action].from[0];
    expect(documentMachine.apply(everyone, subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it('makes finalized terminal: no action for anyone', () => {
    expect(documentMachine.isTerminal('finalized')).toBe(true);
    expect(documentMachine.allowedActions(everyone, subject('finalized'))).toEqual([]);
  });
});
