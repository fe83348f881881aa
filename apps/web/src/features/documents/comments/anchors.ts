import * as Y from 'yjs';
import type { CommentAnchor } from '@xieshang/contracts';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * An inline comment's anchor: the commented range as two Yjs relative positions, base64 encoded for
 * the REST api. Relative positions point at Yjs items, not at offsets, so the range follows the text
 * through everyone's concurrent edits (text typed before it moves it; text typed inside it widens it).
 */
export type TextAnchor = CommentAnchor;

export interface TextRange {
  from: number;
  to: number;
}

/** y-tiptap's map from Yjs types to the ProseMirror nodes currently rendered for them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type YMapping = Map<any, any>;

export const encodeRelative = (pos: Y.RelativePosition): string => toBase64(Y.encodeRelativePosition(pos));
export const decodeRelative = (text: string): Y.RelativePosition => Y.decodeRelativePosition(fromBase64(text));

/** The anchor of [from, to) in the fragment rendered through `mapping`, or null for an empty range. */
export function anchorFor(fragment: Y.XmlFragment, mapping: YMapping, range: TextRange): TextAnchor | null {
  if (range.to <= range.from) return null;
  const start = absolutePositionToRelativePosition(range.from, fragment, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(range.to, fragment, mapping) as Y.RelativePosition;
  return { start: encodeRelative(stickRight(start, fragment.doc)), end: encodeRelative(end) };
}

/**
 * y-tiptap's positions stick to the character on their left. That is right for the end of the range,
 * but the start must stick to the first commented character, or text typed just before the comment
 * would be pulled into it.
 */
function stickRight(pos: Y.RelativePosition, doc: Y.Doc | null): Y.RelativePosition {
  if (!doc) return pos;
  const abs = Y.createAbsolutePositionFromRelativePosition(pos, doc);
  return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0) : pos;
}

/**
 * Where an anchor is now, or null when it cannot be placed: malformed, from another document, or the
 * commented text was deleted (both ends collapse onto one point).
 */
export function rangeOf(doc: Y.Doc, fragment: Y.XmlFragment, mapping: YMapping, anchor: TextAnchor): TextRange | null {
  try {
    const from = relativePositionToAbsolutePosition(doc, fragment, decodeRelative(anchor.start), mapping);
    const to = relativePositionToAbsolutePosition(doc, fragment, decodeRelative(anchor.end), mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: YMapping } | null;
}

function ySync(state: EditorState): YSyncState | null {
  const s = ySyncPluginKey.getState(state) as YSyncState | undefined;
  return s?.binding ? s : null;
}

/** The anchor of the editor's current selection (null when nothing is selected or not bound to Yjs). */
export function anchorOfSelection(state: EditorState): TextAnchor | null {
  const y = ySync(state);
  if (!y?.binding) return null;
  return anchorFor(y.type, y.binding.mapping, { from: state.selection.from, to: state.selection.to });
}

/** Where an anchor is in the editor's current document, clamped to it. */
export function rangeInEditor(state: EditorState, anchor: TextAnchor): TextRange | null {
  const y = ySync(state);
  if (!y?.binding) return null;
  const range = rangeOf(y.doc, y.type, y.binding.mapping, anchor);
  if (!range) return null;
  const size = state.doc.content.size;
  const from = Math.max(0, Math.min(range.from, size));
  const to = Math.max(0, Math.min(range.to, size));
  return to > from ? { from, to } : null;
}
