/** Placeholder until the outcomes feature lands. */
export function AssignmentsPage() {
  return null;
}
