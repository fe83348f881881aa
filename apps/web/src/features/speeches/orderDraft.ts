/**
 * The office's unsaved running order, kept against the server's order: speeches accepted or
 * dropped meanwhile are added at the end or removed, without losing the moves made so far.
 */
export function rebaseOrder(draft: readonly string[], server: readonly string[]): string[] {
  const present = new Set(server);
  const kept = draft.filter((id) => present.has(id));
  const keptSet = new Set(kept);
  return [...kept, ...server.filter((id) => !keptSet.has(id))];
}

export function moveBy(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}
