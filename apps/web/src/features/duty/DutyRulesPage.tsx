/** Placeholder until the duty feature lands. */
export function DutyRulesPage() {
  return null;
}
