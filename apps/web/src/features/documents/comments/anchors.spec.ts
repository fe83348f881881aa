import * as Y from 'yjs';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { editorSchema, jsonToUpdate, YJS_FRAGMENT } from '@xieshang/editor-schema';
import { anchorFor, decodeRelative, encodeRelative, rangeOf } from './anchors';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function docWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToUpdate({ type: 'doc', content: paragraphs.map(para) }));
  return doc;
}

/** Render the fragment as the editor would and return the PM doc with y-tiptap's type → node mapping. */
function render(doc: Y.Doc) {
  const fragment = doc.getXmlFragment(YJS_FRAGMENT);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, editorSchema);
  return { fragment, pmDoc, mapping };
}

/** PM positions of `needle` (inside the paragraph holding it). */
function find(pmDoc: ReturnType<typeof render>['pmDoc'], needle: string) {
  let hit: { from: number; to: number } | null = null;
  pmDoc.descendants((node, pos) => {
    if (hit || !node.isText) return;
    const i = node.text!.indexOf(needle);
    if (i >= 0) hit = { from: pos + i, to: pos + i + needle.length };
  });
  if (!hit) throw new Error(`"${needle}" not in document`);
  return hit as { from: number; to: number };
}

const textAt = (pmDoc: ReturnType<typeof render>['pmDoc'], r: { from: number; to: number }) => pmDoc.textBetween(r.from, r.to);

describe('comment anchors (Yjs relative positions, base64)', () => {
  it('encode to base64 and decode to the same relative position', () => {
    const doc = docWith('加装电梯的资金分担');
    const { fragment, pmDoc, mapping } = render(doc);
    const anchor = anchorFor(fragment, mapping, find(pmDoc, '资金'))!;
    expect(anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const decoded = decodeRelative(anchor.start);
    expect(encodeRelative(decoded)).toBe(anchor.start);
    expect(textAt(pmDoc, rangeOf(doc, fragment, mapping, anchor)!)).toBe('资金');
  });

  it('follow the commented words when someone else types before them, even in another replica', () => {
    const a = docWith('第一段。', '低层住户的意见需要充分听取。');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ra = render(a);
    const anchor = anchorFor(ra.fragment, ra.mapping, find(ra.pmDoc, '低层住户'))!;

    // b edits: text inserted before the comment, and a new paragraph at the top.
    const second = b.getXmlFragment(YJS_FRAGMENT).get(1) as Y.XmlElement;
    (second.get(0) as Y.XmlText).insert(0, '关于补偿，');
    const top = new Y.XmlElement('paragraph');
    top.insert(0, [new Y.XmlText('会议纪要（草稿）')]);
    b.getXmlFragment(YJS_FRAGMENT).insert(0, [top]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));

    const after = render(a);
    const range = rangeOf(a, after.fragment, after.mapping, anchor)!;
    expect(textAt(after.pmDoc, range)).toBe('低层住户');
    expect(range.from).toBeGreaterThan(find(ra.pmDoc, '低层住户').from);
  });

  it('cannot be placed once the commented text is deleted, nor when malformed', () => {
    const doc = docWith('删掉这句话。保留这句。');
    const r = render(doc);
    const anchor = anchorFor(r.fragment, r.mapping, find(r.pmDoc, '删掉这句话'))!;
    const text = (r.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, '删掉这句话'.length);
    const after = render(doc);
    expect(rangeOf(doc, after.fragment, after.mapping, anchor)).toBeNull();
    expect(rangeOf(doc, after.fragment, after.mapping, { start: 'not base64!', end: '' })).toBeNull();
  });

  it('is not made for an empty selection', () => {
    const doc = docWith('文字');
    const r = render(doc);
    expect(anchorFor(r.fragment, r.mapping, { from: 2, to: 2 })).toBeNull();
  });
});
