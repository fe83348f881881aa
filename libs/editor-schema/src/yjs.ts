import * as Y from 'yjs';
import {
  prosemirrorJSONToYDoc,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import { Node as PMNode } from '@tiptap/pm/model';
import { editorSchema } from './extensions';
import { emptyDoc, type EditorJSON } from './json';

/** The XmlFragment name Tiptap's Collaboration extension uses when `field` is not set. */
export const YJS_FRAGMENT = 'default';

/**
 * The document's current content as ProseMirror JSON (an empty doc gives one empty paragraph). Elements
 * the schema rejects are left out. y-tiptap deletes such elements from the Y.Doc it reads, so it reads
 * a copy: the live document (the server's, shared by every editor) is never changed by reading it.
 */
export function docToJSON(doc: Y.Doc): EditorJSON {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const root = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(YJS_FRAGMENT), editorSchema);
    // A never-edited doc has no blocks; the editor shows one empty paragraph, so say the same.
    return root.childCount === 0 ? emptyDoc() : (root.toJSON() as EditorJSON);
  } finally {
    copy.destroy();
  }
}

/** Validates json against the schema (throws on unknown nodes/marks or invalid structure). */
export function jsonToNode(json: EditorJSON): PMNode {
  const node = PMNode.fromJSON(editorSchema, json);
  node.check();
  return node;
}

/** A fresh Y.Doc's whole state holding json: the first update of a new document. */
export function jsonToUpdate(json: EditorJSON): Uint8Array {
  const node = jsonToNode(json);
  const doc = prosemirrorJSONToYDoc(editorSchema, node.toJSON(), YJS_FRAGMENT);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Makes the fragment equal to json in ONE transaction (restore, minutes template). It is a normal edit:
 * peers receive it as an update; unchanged leading/trailing blocks are kept (y-tiptap's diff), so
 * concurrent edits elsewhere are disturbed as little as possible.
 */
export function replaceContent(doc: Y.Doc, json: EditorJSON, origin?: unknown): void {
  const node = jsonToNode(json);
  const fragment = doc.getXmlFragment(YJS_FRAGMENT);
  doc.transact(() => {
    updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}
