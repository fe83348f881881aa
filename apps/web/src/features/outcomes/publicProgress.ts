import { OUTCOME_STATES, type OutcomeState, type PublicOutcome } from '@xieshang/contracts';

/** How far along the flow an outcome is, as "step n of 6", for the public progress bar. */
export function progressStep(state: OutcomeState): { step: number; of: number } {
  return { step: OUTCOME_STATES.indexOf(state) + 1, of: OUTCOME_STATES.length };
}

/** The latest date the outcome reached each state (a follow-up round reaches some twice). */
export function milestoneDates(milestones: PublicOutcome['milestones']): Partial<Record<OutcomeState, string>> {
  const out: Partial<Record<OutcomeState, string>> = {};
  for (const m of [...milestones].sort((a, b) => a.at.localeCompare(b.at))) out[m.toState] = m.at;
  return out;
}
