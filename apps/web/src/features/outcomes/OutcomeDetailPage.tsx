/** Placeholder until the outcomes feature lands. */
export function OutcomeDetailPage() {
  return null;
}
