import * as Y from 'yjs';
import fc from 'fast-check';
import {
  docToJSON,
  editorSchema,
  emptyDoc,
  jsonToUpdate,
  replaceContent,
  sampleDocument,
  YJS_FRAGMENT,
  type EditorJSON,
} from './index';

function docFrom(json: EditorJSON): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToUpdate(json));
  return doc;
}

function typesIn(node: EditorJSON, nodes = new Set<string>(), marks = new Set<string>()) {
  if (node.type) nodes.add(node.type);
  node.marks?.forEach((m) => marks.add(m.type));
  node.content?.forEach((child) => typesIn(child, nodes, marks));
  return { nodes, marks };
}

/** Exchanges every missing update between the docs until they all have the same state. */
function syncAll(docs: Y.Doc[]) {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

const para = (text: string): EditorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('JSON → Yjs → JSON', () => {
  it('the sample document uses every node and mark of the schema', () => {
    const { nodes, marks } = typesIn(sampleDocument());
    expect([...nodes].sort()).toEqual(Object.keys(editorSchema.nodes).sort());
    expect([...marks].sort()).toEqual(Object.keys(editorSchema.marks).sort());
  });

  it('round-trips every node, mark and attribute unchanged', () => {
    expect(docToJSON(docFrom(sampleDocument()))).toEqual(sampleDocument());
  });

  it('uses the fragment Tiptap Collaboration reads by default', () => {
    const doc = docFrom(sampleDocument());
    expect(YJS_FRAGMENT).toBe('default');
    expect(doc.getXmlFragment('default').length).toBeGreaterThan(0);
  });

  it('reads a never-edited doc as one empty paragraph', () => {
    expect(docToJSON(new Y.Doc())).toEqual(emptyDoc());
  });

  it('leaves out elements the schema rejects without changing the document it reads', () => {
    const doc = docFrom({ type: 'doc', content: [para('正文')] });
    doc.getXmlFragment(YJS_FRAGMENT).insert(1, [new Y.XmlElement('script')]);
    const before = Y.encodeStateAsUpdate(doc);
    let updates = 0;
    doc.on('update', () => updates++);

    expect(docToJSON(doc)).toEqual({ type: 'doc', content: [para('正文')] });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses JSON the schema does not allow', () => {
    expect(() => jsonToUpdate({ type: 'doc', content: [{ type: 'script', content: [] }] })).toThrow();
    expect(() => jsonToUpdate({ type: 'doc', content: [{ type: 'text', text: 'bare text at top level' }] })).toThrow();
    expect(() => jsonToUpdate({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] })).toThrow();
  });

  it('round-trips arbitrary paragraphs and headings with marks', () => {
    const markArb = fc.subarray(['bold', 'italic', 'underline', 'strike'] as const);
    const inlineArb = fc.array(fc.record({ text: fc.string({ minLength: 1, maxLength: 8 }), marks: markArb }), { minLength: 1, maxLength: 4 });
    const blockArb = fc.record({ heading: fc.constantFrom(0, 1, 2, 3), inline: inlineArb });
    fc.assert(
      fc.property(fc.array(blockArb, { minLength: 1, maxLength: 5 }), (blocks) => {
        const json = editorSchema
          .nodeFromJSON({
            type: 'doc',
            content: blocks.map((b) => ({
              type: b.heading === 0 ? 'paragraph' : 'heading',
              ...(b.heading === 0 ? {} : { attrs: { level: b.heading } }),
              content: b.inline.map((t) => ({ type: 'text', text: t.text, ...(t.marks.length ? { marks: t.marks.map((m) => ({ type: m })) } : {}) })),
            })),
          })
          .toJSON() as EditorJSON; // normalised: adjacent text with equal marks merged, as the editor would
        expect(docToJSON(docFrom(json))).toEqual(json);
      }),
      { numRuns: 60 },
    );
  });
});

describe('replaceContent', () => {
  it('makes the fragment equal the JSON in one transaction, received by peers as a normal update', () => {
    const doc = docFrom(sampleDocument());
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const target: EditorJSON = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '恢复的版本' }] }, para('正文')] };

    replaceContent(doc, target);

    expect(updates).toHaveLength(1);
    expect(docToJSON(doc)).toEqual(target);
    Y.applyUpdate(peer, updates[0]);
    expect(docToJSON(peer)).toEqual(target);
  });

  it('converges with concurrent edits of other peers', () => {
    const base: EditorJSON = { type: 'doc', content: [para('第一段'), para('第二段'), para('第三段')] };
    const restorer = docFrom(base);
    const typist = docFrom(base);
    const reader = docFrom(base);
    syncAll([restorer, typist, reader]);

    // The typist appends to the last paragraph while the restorer replaces everything.
    const lastParagraph = typist.getXmlFragment(YJS_FRAGMENT).get(2) as Y.XmlElement;
    (lastParagraph.get(0) as Y.XmlText).insert(3, '（补充）');
    replaceContent(restorer, { type: 'doc', content: [para('第一段'), para('改写后的第二段')] });

    // Deliver in different orders to each peer.
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(typist));
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(restorer));
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(restorer));
    Y.applyUpdate(restorer, Y.encodeStateAsUpdate(typist));

    const result = docToJSON(restorer);
    expect(docToJSON(typist)).toEqual(result);
    expect(docToJSON(reader)).toEqual(result);
    expect(editorSchema.nodeFromJSON(result).check()).toBeUndefined();
    const texts = (result.content ?? []).map((block) => (block.content ?? []).map((t) => t.text).join(''));
    expect(texts.slice(0, 2)).toEqual(['第一段', '改写后的第二段']);
  });

  it('keeps unchanged leading blocks (small diff, not delete-all + insert)', () => {
    const doc = docFrom({ type: 'doc', content: [para('甲'), para('乙')] });
    const first = doc.getXmlFragment(YJS_FRAGMENT).get(0);
    replaceContent(doc, { type: 'doc', content: [para('甲'), para('丙')] });
    expect(doc.getXmlFragment(YJS_FRAGMENT).get(0)).toBe(first);
    expect(docToJSON(doc)).toEqual({ type: 'doc', content: [para('甲'), para('丙')] });
  });

  it('replaces any document with any other', () => {
    const blockArb = fc.oneof(
      fc.string({ minLength: 1, maxLength: 6 }).map(para),
      fc.constant(sampleDocument().content![3]),
      fc.constant(sampleDocument().content![9]),
    );
    const docArb = fc.array(blockArb, { minLength: 1, maxLength: 4 }).map((content): EditorJSON => ({ type: 'doc', content }));
    fc.assert(
      fc.property(docArb, docArb, (from, to) => {
        const doc = docFrom(from);
        replaceContent(doc, to);
        expect(docToJSON(doc)).toEqual(to);
      }),
      { numRuns: 60 },
    );
  });
});
