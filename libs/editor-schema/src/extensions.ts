import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import { safeHref, SAFE_LINK_PROTOCOLS } from './safe-url';

/**
 * The one extension list. The web editor adds Collaboration (+ caret) on top; the api only needs the schema.
 * Nothing here may touch the DOM at import time: the api builds the schema in Node.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      // Collaboration brings its own (per-user) undo; ProseMirror's history would undo other people's edits.
      undoRedo: false,
      link: {
        autolink: true,
        openOnClick: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: [...SAFE_LINK_PROTOCOLS],
        isAllowedUri: (url) => safeHref(url) !== null,
        shouldAutoLink: (url) => safeHref(url.includes(':') ? url : `https://${url}`) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer', target: '_blank' },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

/** ProseMirror schema of {@link editorExtensions}; node and mark names are what the JSON carries. */
export const editorSchema: Schema = getSchema(editorExtensions());
