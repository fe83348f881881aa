/** Duty records (flow 9): credited events, scoring rules, scores and rankings. */
export const DutyRoutes = {} as const;
