import type { AssignmentState, OutcomeState } from '@xieshang/contracts';

/**
 * The outcome's state while a round runs, from its assignments: something for the office to
 * evaluate → feedback_received; else someone still has to report → assigned; all accepted →
 * evaluated (ready to close). Null for a round without assignments.
 */
export function deriveOutcomeState(current: readonly AssignmentState[]): Extract<OutcomeState, 'assigned' | 'feedback_received' | 'evaluated'> | null {
  if (current.length === 0) return null;
  if (current.includes('feedback_received')) return 'feedback_received';
  if (current.includes('assigned')) return 'assigned';
  return 'evaluated';
}
