/** Outcomes (flow 8): reports sent, leader instructions, department assignments and feedback. */
export const OutcomeRoutes = {} as const;
