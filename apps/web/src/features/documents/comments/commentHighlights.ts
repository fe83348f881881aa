import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { rangeOf, type TextAnchor, type YMapping } from './anchors';

export interface HighlightedComment {
  id: string;
  anchor: TextAnchor;
}

interface HighlightState {
  comments: HighlightedComment[];
  activeId: string | null;
  decorations: DecorationSet;
}

interface HighlightMeta {
  comments?: HighlightedComment[];
  activeId?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

interface YSync {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: YMapping } | null;
  isChangeOrigin?: boolean;
}

function build(state: { doc: EditorState['doc'] }, y: YSync | undefined, comments: HighlightedComment[], activeId: string | null): DecorationSet {
  if (!y?.binding) return DecorationSet.empty;
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const c of comments) {
    const range = rangeOf(y.doc, y.type, y.binding.mapping, c.anchor);
    if (!range || range.to > size) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: c.id === activeId ? 'xs-comment xs-comment--active' : 'xs-comment',
        'data-comment-id': c.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text of open comment threads. Anchors are resolved from their Yjs relative positions
 * when the list changes and after remote changes (y-tiptap has then rebuilt its type → node map);
 * local typing only maps the existing highlights through the transaction, which is exact and cheap.
 */
function highlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ comments: [], activeId: null, decorations: DecorationSet.empty }),
      apply(tr: Transaction, value: HighlightState, oldState: EditorState): HighlightState {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
        const y = ySyncPluginKey.getState(oldState) as YSync | undefined;
        const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        if (meta || (tr.docChanged && remote)) {
          const comments = meta?.comments ?? value.comments;
          const activeId = meta && 'activeId' in meta ? (meta.activeId ?? null) : value.activeId;
          return { comments, activeId, decorations: build(tr, y, comments, activeId) };
        }
        if (tr.docChanged) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
        return value;
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

export const CommentHighlights = Extension.create<{ onActivate: (id: string) => void }>({
  name: 'commentHighlights',
  addOptions: () => ({ onActivate: () => undefined }),
  addProseMirrorPlugins() {
    const { onActivate } = this.options;
    return [
      highlightPlugin(),
      new Plugin({
        props: {
          handleClick: (_view, _pos, event) => {
            const el = (event.target as HTMLElement | null)?.closest?.('[data-comment-id]');
            const id = el?.getAttribute('data-comment-id');
            if (id) onActivate(id);
            return false;
          },
        },
      }),
    ];
  },
});

/** Give the editor the current open threads and the one selected in the sidebar. */
export function setHighlightedComments(tr: Transaction, comments: HighlightedComment[], activeId: string | null): Transaction {
  return tr.setMeta(commentHighlightsKey, { comments, activeId } satisfies HighlightMeta);
}
