/** Placeholder until the duty feature lands. */
export function DutyRecordsPage() {
  return null;
}
