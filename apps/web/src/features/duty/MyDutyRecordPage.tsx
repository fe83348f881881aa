/** Placeholder until the duty feature lands. */
export function MyDutyRecordPage() {
  return null;
}
