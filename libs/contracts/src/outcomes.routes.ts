import { z } from 'zod';
import { route } from './route-def';
import { IdParams, pageOf } from './common';
import {
  AssignmentQuery,
  AssignmentView,
  CloseInput,
  EvaluationInput,
  FEEDBACK_ATTACHMENT_MAX_BYTES,
  FEEDBACK_ATTACHMENT_MIME_TYPES,
  FeedbackAttachment,
  FeedbackInput,
  InstructionInput,
  Outcome,
  OutcomeInput,
  OutcomePatch,
  OutcomeQuery,
  OutcomeSource,
  OutcomeStats,
  OutcomeStatsQuery,
  OutcomeSummary,
  PublicOutcome,
  PublicOutcomeQuery,
  RoundInput,
} from './outcomes';

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/**
 * Outcomes (flow 8). `outcomes.read` opens the reading routes to the office, chairs, leaders and
 * department liaisons; a liaison only ever sees their own department's assignments (others are
 * 404) — the service scopes that. Per-assignment steps live under /assignments.
 */
export const OutcomeRoutes = {
  listOutcomes: route({ method: 'GET', path: '/outcomes', tag: 'outcomes', summary: 'Outcomes, newest first (a liaison: those assigned to their department)', access: 'outcomes.read', query: OutcomeQuery, response: pageOf(OutcomeSummary) }),
  outcomeSources: route({ method: 'GET', path: '/outcomes/sources', tag: 'outcomes', summary: 'Finalized documents that can be sent as outcomes', access: 'outcomes.manage', response: z.array(OutcomeSource) }),
  outcomeStats: route({ method: 'GET', path: '/outcomes/stats', tag: 'outcomes', summary: 'Dashboard: open, overdue and closed counts; adoption rates by year, category and department', access: 'outcomes.read', query: OutcomeStatsQuery, response: OutcomeStats }),
  createOutcome: route({ method: 'POST', path: '/outcomes', tag: 'outcomes', summary: 'Send a finalized document to its recipients as an outcome', access: 'outcomes.manage', body: OutcomeInput, response: Outcome }),
  getOutcome: route({ method: 'GET', path: '/outcomes/:id', tag: 'outcomes', summary: 'An outcome with instructions, assignments, feedback and trail', access: 'outcomes.read', params: IdParams, response: Outcome }),
  updateOutcome: route({ method: 'PATCH', path: '/outcomes/:id', tag: 'outcomes', summary: 'Edit title, summary, recipients, category, year or publication', access: 'outcomes.manage', params: IdParams, body: OutcomePatch, response: Outcome }),
  recordInstruction: route({ method: 'POST', path: '/outcomes/:id/instructions', tag: 'outcomes', summary: 'Record a leader instruction (批示): the office, or a leader for themself', access: 'outcomes.read', params: IdParams, body: InstructionInput, response: Outcome }),
  assignOutcome: route({ method: 'POST', path: '/outcomes/:id/assign', tag: 'outcomes', summary: 'Assign the lead and assisting departments with deadlines (first round)', access: 'outcomes.manage', params: IdParams, body: RoundInput, response: Outcome }),
  closeOutcome: route({ method: 'POST', path: '/outcomes/:id/close', tag: 'outcomes', summary: 'Close an evaluated outcome', access: 'outcomes.manage', params: IdParams, body: CloseInput, response: Outcome }),
  followUpOutcome: route({ method: 'POST', path: '/outcomes/:id/follow-up', tag: 'outcomes', summary: 'Reopen a closed outcome with a follow-up round (回头看) and new deadlines', access: 'outcomes.manage', params: IdParams, body: RoundInput, response: Outcome }),

  listAssignments: route({ method: 'GET', path: '/assignments', tag: 'outcomes', summary: "Assignments: a liaison's own department's, or all for the office", access: 'outcomes.read', query: AssignmentQuery, response: pageOf(AssignmentView) }),
  getAssignment: route({ method: 'GET', path: '/assignments/:id', tag: 'outcomes', summary: 'One assignment with its outcome, feedback and trail (404 for another department)', access: 'outcomes.read', params: IdParams, response: AssignmentView }),
  uploadFeedbackAttachment: route({ method: 'POST', path: '/assignments/:id/attachments', tag: 'outcomes', summary: 'Upload an attachment for the next feedback (the assigned liaison)', access: 'outcomes.respond', params: IdParams, upload: { maxBytes: FEEDBACK_ATTACHMENT_MAX_BYTES, mimeTypes: FEEDBACK_ATTACHMENT_MIME_TYPES }, response: FeedbackAttachment }),
  downloadFeedbackAttachment: route({ method: 'GET', path: '/assignments/:id/attachments/:attachmentId', tag: 'outcomes', summary: 'Download a feedback attachment', access: 'outcomes.read', params: AttachmentParams, produces: 'application/octet-stream' }),
  submitFeedback: route({ method: 'POST', path: '/assignments/:id/feedback', tag: 'outcomes', summary: "Submit the department's feedback (adoption, measures, attachments)", access: 'outcomes.respond', params: IdParams, body: FeedbackInput, response: AssignmentView }),
  evaluateFeedback: route({ method: 'POST', path: '/assignments/:id/evaluate', tag: 'outcomes', summary: 'Accept the feedback or send it back with a comment', access: 'outcomes.manage', params: IdParams, body: EvaluationInput, response: AssignmentView }),

  listPublicOutcomes: route({ method: 'GET', path: '/public/outcomes', tag: 'public', summary: 'Public accountability: outcomes the office published, with progress', access: 'public', query: PublicOutcomeQuery, response: pageOf(PublicOutcome) }),
  getPublicOutcome: route({ method: 'GET', path: '/public/outcomes/:id', tag: 'public', summary: 'One published outcome (404 when not public)', access: 'public', params: IdParams, response: PublicOutcome }),
} as const;
