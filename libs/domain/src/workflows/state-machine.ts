import type { ErrorParams, Role } from '@xieshang/contracts';

/** Who is acting. Ownership rules compare ids, so this carries more than the roles. */
export interface WorkflowActor {
  id: string;
  roles: readonly Role[];
  departmentId?: string | null;
  committeeId?: string | null;
}

/** Input fields a transition may demand; a demanded field must be a non-blank string. */
export type TransitionField = 'comment' | 'reason' | 'target' | 'meeting' | 'deadline';

export type TransitionInput = { readonly [K in TransitionField]?: string | null } & { readonly [key: string]: unknown };

export type TransitionErrorCode = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED';

/** Codes come from the contracts' error registry, so the API can send these as they are. */
export interface TransitionError {
  code: TransitionErrorCode;
  params: ErrorParams;
}

export type TransitionResult<S extends string> = { to: S } | { error: TransitionError };

export type RoleRule<Subj> = readonly Role[] | ((actor: WorkflowActor, subject: Subj) => boolean);

export interface TransitionDef<S extends string, Subj> {
  from: readonly S[];
  to: S;
  roles: RoleRule<Subj>;
  requires?: readonly TransitionField[];
  /** Checks on values beyond presence; returns VALIDATION_FAILED params (naming `field`) or null. */
  validate?: (input: TransitionInput, subject: Subj) => ErrorParams | null;
}

export interface SubjectBase {
  state: string;
}

export interface MachineDefinition<S extends string, A extends string, Subj extends SubjectBase> {
  states: readonly S[];
  transitions: { readonly [K in A]: TransitionDef<S, Subj> };
}

export interface Machine<S extends string, A extends string, Subj extends SubjectBase> {
  states: readonly S[];
  actions: readonly A[];
  transitions: { readonly [K in A]: TransitionDef<S, Subj> };
  /** State and role allow it (input is not looked at): use it to show or hide a button. */
  can(actor: WorkflowActor, subject: Subj, action: string): boolean;
  /** Checks state, then role, then input. `action` may be untrusted: unknown ones are refused. */
  apply(actor: WorkflowActor, subject: Subj, action: string, input?: TransitionInput): TransitionResult<S>;
  allowedActions(actor: WorkflowActor, subject: Subj): A[];
  /** No action leads out of this state. */
  isTerminal(state: S): boolean;
}

export function isTransitionError<S extends string>(r: TransitionResult<S>): r is { error: TransitionError } {
  return 'error' in r;
}

export function hasAnyRole(actor: WorkflowActor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

function isBlank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

export function defineMachine<S extends string, A extends string, Subj extends SubjectBase>(
  def: MachineDefinition<S, A, Subj>,
): Machine<S, A, Subj> {
  const states = [...def.states];
  const actions = Object.keys(def.transitions) as A[];
  // A typo in a table should fail at load time, not surface as a mysteriously refused action.
  if (new Set(states).size !== states.length) throw new Error(`duplicate state in ${states.join(', ')}`);
  for (const a of actions) {
    const t: TransitionDef<S, Subj> = def.transitions[a];
    for (const s of [...t.from, t.to]) {
      if (!states.includes(s)) throw new Error(`transition ${a} names unknown state ${s}`);
    }
  }

  const lookup = (action: string): TransitionDef<S, Subj> | undefined =>
    Object.hasOwn(def.transitions, action) ? def.transitions[action as A] : undefined;

  const roleAllows = (t: TransitionDef<S, Subj>, actor: WorkflowActor, subject: Subj): boolean =>
    typeof t.roles === 'function' ? t.roles(actor, subject) : hasAnyRole(actor, t.roles);

  const stateAllows = (t: TransitionDef<S, Subj>, subject: Subj): boolean => (t.from as readonly string[]).includes(subject.state);

  return {
    states,
    actions,
    transitions: def.transitions,
    can(actor, subject, action) {
      const t = lookup(action);
      return !!t && stateAllows(t, subject) && roleAllows(t, actor, subject);
    },
    apply(actor, subject, action, input = {}): TransitionResult<S> {
      const t = lookup(action);
      if (!t) return { error: { code: 'INVALID_TRANSITION', params: { from: subject.state, action } } };
      if (!stateAllows(t, subject)) {
        return { error: { code: 'INVALID_TRANSITION', params: { from: subject.state, to: t.to, action } } };
      }
      if (!roleAllows(t, actor, subject)) return { error: { code: 'FORBIDDEN', params: { action } } };
      for (const field of t.requires ?? []) {
        if (isBlank(input[field])) return { error: { code: 'VALIDATION_FAILED', params: { field } } };
      }
      const invalid = t.validate?.(input, subject);
      if (invalid) return { error: { code: 'VALIDATION_FAILED', params: invalid } };
      return { to: t.to };
    },
    allowedActions(actor, subject) {
      return actions.filter((a) => {
        const t: TransitionDef<S, Subj> = def.transitions[a];
        return stateAllows(t, subject) && roleAllows(t, actor, subject);
      });
    },
    isTerminal(state) {
      return !actions.some((a) => (def.transitions[a].from as readonly S[]).includes(state));
    },
  };
}

/** `YYYY-MM-DD` that is a real calendar date; shared by machines that take deadlines. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
