/** Placeholder until the outcomes feature lands. */
export function PublicAccountabilityPage() {
  return null;
}
