import * as Y from 'yjs';
import { io, type Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { docToJSON, replaceContent, type EditorJSON } from '@xieshang/editor-schema';
import { CollabDocStore } from '../../src/modules/collab/collab-doc-store';
import type { TestApp } from './test-app';

/* Reading and writing document content in tests through the app's own collab store, and a raw `/collab` socket. */

export const storeOf = (t: TestApp) => t.app.get(CollabDocStore);

export async function contentOf(t: TestApp, documentId: string): Promise<EditorJSON> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await storeOf(t).state(documentId));
  const json = docToJSON(doc);
  doc.destroy();
  return json;
}

/** Plain text of a node, blocks separated by new lines, table cells by ` | `. */
export function textOf(node: EditorJSON): string {
  if (node.text) return node.text;
  const parts = (node.content ?? []).map(textOf);
  if (node.type === 'tableRow') return parts.join(' | ');
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' ? parts.join('') : parts.join('\n');
}

/** The tables of a document as rows of cell texts (header row included). */
export function tablesOf(json: EditorJSON): string[][][] {
  const out: string[][][] = [];
  const walk = (n: EditorJSON) => {
    if (n.type === 'table') out.push((n.content ?? []).map((row) => (row.content ?? []).map(textOf)));
    else (n.content ?? []).forEach(walk);
  };
  walk(json);
  return out;
}

export const paragraphs = (...texts: string[]): EditorJSON => ({ type: 'doc', content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) });

export function setContent(t: TestApp, documentId: string, json: EditorJSON, actorId: string | null = null): Promise<void> {
  return storeOf(t).applyServerChange(documentId, (doc) => replaceContent(doc, json), actorId);
}

/** Poll until the predicate holds (live → minutes happens after the command's ack). */
export async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A raw socket.io client of `/collab` that opens one document. */
export async function openCollab(baseUrl: string, cookie: string, documentId: string): Promise<{ socket: Socket; open: unknown; doc: Y.Doc }> {
  const socket = io(`${baseUrl}/collab`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const doc = new Y.Doc();
  const enc = encoding.createEncoder();
  syncProtocol.writeSyncStep1(enc, doc);
  const open = await socket.timeout(10_000).emitWithAck('collab:open', { documentId, sync: encoding.toUint8Array(enc) });
  return { socket, open, doc };
}

/** A y-protocols update message carrying an edit made on a copy of the document. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}
