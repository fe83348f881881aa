import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { jsonToNode, YJS_FRAGMENT, type EditorJSON } from '@xieshang/editor-schema';
import { OTHER_SPEECHES_HEADING, speakingRowJSON, speakingTableJSON, type SpeakingRow } from './minutes-template';

/*
 * Filling the minutes' speaking-log tables inside a Yjs document. Tables and rows are found again through
 * Yjs relative positions stored when they were made (they follow the element wherever concurrent edits move
 * it; a table or row someone deleted is not brought back, except that a row whose table is gone goes into a
 * new table at the end). Every change goes through updateYFragment, exactly as the editor would write it.
 */

/** Encoded relative positions: `table:<key>` and `row:<entryId>`. */
export type Anchors = Map<string, Uint8Array>;

const anchorOf = (el: Y.XmlElement): Uint8Array => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(el, 0, -1));

function resolve(doc: Y.Doc, anchor: Uint8Array | undefined): Y.XmlElement | null {
  if (!anchor) return null;
  const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchor), doc);
  const type = abs?.type;
  if (!(type instanceof Y.XmlElement) || type._item?.deleted || !type.doc) return null;
  return type;
}

const meta = () => ({ mapping: new Map(), isOMark: new Map() });

function writeElement(doc: Y.Doc, el: Y.XmlElement, json: EditorJSON): void {
  updateYFragment(doc, el, jsonToNode(json), meta());
}

/** Anchors of the template's tables and rows, right after the template was written into an empty document. */
export function templateAnchors(doc: Y.Doc, tableIndex: Map<string, number>, tableRows: Map<string, string[]>): Anchors {
  const fragment = doc.getXmlFragment(YJS_FRAGMENT);
  const anchors: Anchors = new Map();
  for (const [key, index] of tableIndex) {
    const table = fragment.get(index);
    if (!(table instanceof Y.XmlElement) || table.nodeName !== 'table') throw new Error(`minutes template: no table at ${index}`);
    anchors.set(`table:${key}`, anchorOf(table));
    (tableRows.get(key) ?? []).forEach((entryId, i) => {
      const row = table.get(i + 1);
      if (row instanceof Y.XmlElement) anchors.set(`row:${entryId}`, anchorOf(row));
    });
  }
  return anchors;
}

export interface RowChange {
  entryId: string;
  row: SpeakingRow | null;
  tableKey: string;
}

/**
 * Applies row changes (a null row removes it) in the caller's transaction; returns the anchors to store
 * (new tables and rows) and the keys whose anchors are gone.
 */
export function applyRowChanges(doc: Y.Doc, anchors: Anchors, changes: readonly RowChange[], timeZone: string): { added: Anchors; removed: string[] } {
  const added: Anchors = new Map();
  const removed: string[] = [];
  const fragment = doc.getXmlFragment(YJS_FRAGMENT);
  const anchor = (key: string) => added.get(key) ?? anchors.get(key);
  for (const c of changes) {
    const rowKey = `row:${c.entryId}`;
    const existing = resolve(doc, anchor(rowKey));
    if (!c.row) {
      if (existing) {
        const parent = existing.parent;
        if (parent instanceof Y.XmlElement) {
          const index = parent.toArray().indexOf(existing);
          if (index >= 0) parent.delete(index, 1);
        }
      }
      removed.push(rowKey);
      continue;
    }
    const json = speakingRowJSON(c.row, timeZone);
    if (existing) {
      writeElement(doc, existing, json);
      continue;
    }
    let table = resolve(doc, anchor(`table:${c.tableKey}`));
    if (!table) {
      // the table was deleted (or never made): a new "other speeches" section at the end
      fragment.insert(fragment.length, [new Y.XmlElement('heading'), new Y.XmlElement('table')]);
      const heading = fragment.get(fragment.length - 2) as Y.XmlElement;
      table = fragment.get(fragment.length - 1) as Y.XmlElement;
      writeElement(doc, heading, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: OTHER_SPEECHES_HEADING }] });
      writeElement(doc, table, speakingTableJSON([], timeZone));
      added.set(`table:${c.tableKey}`, anchorOf(table));
    }
    table.insert(table.length, [new Y.XmlElement('tableRow')]);
    const row = table.get(table.length - 1) as Y.XmlElement;
    writeElement(doc, row, json);
    added.set(rowKey, anchorOf(row));
  }
  return { added, removed };
}
