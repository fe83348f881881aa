/** Placeholder until the documents feature lands. */
export function DocumentsPage() {
  return null;
}
