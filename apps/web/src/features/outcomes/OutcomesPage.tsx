/** Placeholder until the outcomes feature lands. */
export function OutcomesPage() {
  return null;
}
