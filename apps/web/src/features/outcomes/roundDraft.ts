import type { FeedbackCadence, RoundInput } from '@xieshang/contracts';

/** What the assign / follow-up form holds before it becomes a RoundInput. */
export interface RoundDraft {
  cadence: FeedbackCadence;
  leadId: string | null;
  leadDeadline: string;
  /** assisting department id → its deadline ('' = same as the lead's) */
  assisting: { departmentId: string; deadline: string }[];
  comment: string;
}

export type RoundProblem = 'leadRequired' | 'deadlineRequired' | 'assistingNotLead';

/** The form's own checks, named so each can show beside its field. */
export function roundProblems(d: RoundDraft): RoundProblem[] {
  const out: RoundProblem[] = [];
  if (!d.leadId) out.push('leadRequired');
  if (!d.leadDeadline) out.push('deadlineRequired');
  if (d.leadId && d.assisting.some((a) => a.departmentId === d.leadId)) out.push('assistingNotLead');
  return out;
}

/** One lead, each assisting department once, each with a deadline (the lead's unless set). */
export function toRoundInput(d: RoundDraft): RoundInput {
  const seen = new Set<string>([d.leadId ?? '']);
  const assisting = d.assisting.filter((a) => !seen.has(a.departmentId) && (seen.add(a.departmentId), true));
  return {
    cadence: d.cadence,
    comment: d.comment.trim() || null,
    assignments: [
      { departmentId: d.leadId ?? '', role: 'lead', deadline: d.leadDeadline },
      ...assisting.map((a) => ({ departmentId: a.departmentId, role: 'assisting' as const, deadline: a.deadline || d.leadDeadline })),
    ],
  };
}
