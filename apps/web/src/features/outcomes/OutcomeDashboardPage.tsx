/** Placeholder until the outcomes feature lands. */
export function OutcomeDashboardPage() {
  return null;
}
