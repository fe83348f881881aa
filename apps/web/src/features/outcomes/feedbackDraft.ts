import type { Adoption, FeedbackInput } from '@xieshang/contracts';

export interface FeedbackDraft {
  adoption: Adoption | null;
  reason: string;
  measures: string;
  attachmentIds: string[];
}

export type FeedbackProblem = 'adoptionRequired' | 'reasonRequired' | 'measuresRequired';

/** Which adoption answers ask for the reason field, and whether it must be filled. */
export function reasonField(adoption: Adoption | null): 'required' | 'optional' | 'hidden' {
  if (adoption === 'not_adopted') return 'required';
  if (adoption === 'partly' || adoption === 'under_study') return 'optional';
  return 'hidden';
}

/** The same rules as the api's FeedbackInput, checked before sending so each shows beside its field. */
export function feedbackProblems(d: FeedbackDraft): FeedbackProblem[] {
  const out: FeedbackProblem[] = [];
  if (!d.adoption) out.push('adoptionRequired');
  if (reasonField(d.adoption) === 'required' && !d.reason.trim()) out.push('reasonRequired');
  if (!d.measures.trim()) out.push('measuresRequired');
  return out;
}

/** A reason typed for one answer is not sent after switching to one that does not ask for it. */
export function toFeedbackInput(d: FeedbackDraft): FeedbackInput {
  const adoption = d.adoption ?? 'under_study';
  return {
    adoption,
    reason: reasonField(adoption) === 'hidden' ? null : d.reason.trim() || null,
    measures: d.measures.trim(),
    attachmentIds: d.attachmentIds,
  };
}
