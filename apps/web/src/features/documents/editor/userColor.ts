/**
 * A caret colour per person, stable across sessions and devices: derived from the user id, so
 * everyone sees the same person in the same colour. Dark enough for white label text (WCAG AA on
 * the label), distinct from each other; CollaborationCaret accepts only `#rrggbb`.
 */
export const CARET_COLORS = [
  '#c92a2a', // red
  '#a61e4d', // pink
  '#862e9c', // grape
  '#5f3dc4', // violet
  '#364fc7', // indigo
  '#1864ab', // blue
  '#0b7285', // cyan
  '#087f5b', // teal
  '#2b8a3e', // green
  '#5c940d', // lime
  '#d9480f', // orange
  '#7a5c00', // brown
] as const;

/** FNV-1a over the id's characters: cheap, and spreads similar uuids over the palette. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function colorForUser(userId: string): string {
  return CARET_COLORS[hash(userId) % CARET_COLORS.length];
}

/** What this client publishes in awareness (`state.user`) for carets and the presence list. */
export interface CollabUser {
  id: string;
  name: string;
  color: string;
}

export function collabUser(user: { id: string; name: string }): CollabUser {
  return { id: user.id, name: user.name, color: colorForUser(user.id) };
}
