/** Placeholder until the documents feature lands. */
export function DocumentPage() {
  return null;
}
