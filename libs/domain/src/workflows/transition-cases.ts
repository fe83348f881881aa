import type { Machine, SubjectBase, TransitionField } from './state-machine';

/** The expected outcome of every action from every state, written out by hand in each spec. */
export type ExpectedTable<S extends string, A extends string> = { readonly [K in S]: { readonly [L in A]?: S } };

export interface TransitionCase<S extends string, A extends string> {
  state: S;
  action: A;
  /** Target state, or null when the action must be refused with INVALID_TRANSITION. */
  expected: S | null;
}

/**
 * Every (state, action) pair of a machine, paired with the hand-written expectation. Pairs come from
 * the machine definition, so a state or action added there without a row here shows up as a
 * failing case; rows naming states or actions the machine lacks throw.
 */
export function transitionCases<S extends string, A extends string, Subj extends SubjectBase>(
  machine: Machine<S, A, Subj>,
  table: ExpectedTable<S, A>,
): TransitionCase<S, A>[] {
  for (const [state, row] of Object.entries(table) as [string, Record<string, string>][]) {
    if (!(machine.states as readonly string[]).includes(state)) throw new Error(`table names unknown state ${state}`);
    for (const action of Object.keys(row)) {
      if (!(machine.actions as readonly string[]).includes(action)) throw new Error(`table names unknown action ${action}`);
    }
  }
  return machine.states.flatMap((state) =>
    machine.actions.map((action) => ({ state, action, expected: table[state]?.[action] ?? null })),
  );
}

/** Every (action, demanded field) pair, for the missing-field cases. */
export function requiredFieldCases<S extends string, A extends string, Subj extends SubjectBase>(
  machine: Machine<S, A, Subj>,
): [A, TransitionField][] {
  return machine.actions.flatMap((a) => (machine.transitions[a].requires ?? []).map((f): [A, TransitionField] => [a, f]));
}

/** A complete, valid input for any transition of any machine. */
export const FULL_INPUT: Readonly<Record<TransitionField, string>> = {
  comment: 'looked at it',
  reason: 'a reason',
  target: 'topic-surviving',
  meeting: 'meeting-1',
  deadline: '2026-12-31',
};

export function without(input: Readonly<Record<string, unknown>>, field: string): Record<string, unknown> {
  const copy = { ...input };
  delete copy[field];
  return copy;
}
