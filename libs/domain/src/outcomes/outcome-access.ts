import type { WorkflowActor } from '../workflows/state-machine';
import { hasAnyRole } from '../workflows/state-machine';

/**
 * Who sees which outcomes: the office, chairs and leaders see all; a department liaison only what is
 * assigned to their department (anything else is "not found" to them); nobody else.
 */
export type OutcomeScope = { kind: 'all' } | { kind: 'department'; departmentId: string } | { kind: 'none' };

export function outcomeScope(actor: WorkflowActor): OutcomeScope {
  if (hasAnyRole(actor, ['admin', 'chair', 'leader'])) return { kind: 'all' };
  if (hasAnyRole(actor, ['department']) && actor.departmentId) return { kind: 'department', departmentId: actor.departmentId };
  return { kind: 'none' };
}

export function canSeeAssignment(actor: WorkflowActor, departmentId: string): boolean {
  const scope = outcomeScope(actor);
  return scope.kind === 'all' || (scope.kind === 'department' && scope.departmentId === departmentId);
}

/** 批示 are recorded by the office, or by a leader. */
export function canRecordInstruction(actor: WorkflowActor): boolean {
  return hasAnyRole(actor, ['admin', 'leader']);
}
