import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { editorExtensions, jsonToUpdate, YJS_FRAGMENT } from '@xieshang/editor-schema';
import { anchorOfSelection } from './anchors';
import { CommentHighlights, setHighlightedComments } from './commentHighlights';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A real Tiptap editor bound to a Y.Doc, as in the browser (jsdom). */
function editorOn(doc: Y.Doc, onActivate: (id: string) => void = () => undefined) {
  const element = document.createElement('div');
  document.body.append(element);
  return new Editor({ element, extensions: [...editorExtensions(), Collaboration.configure({ document: doc, field: YJS_FRAGMENT }), CommentHighlights.configure({ onActivate })] });
}

function select(editor: Editor, needle: string) {
  let range: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    const i = node.isText ? node.text!.indexOf(needle) : -1;
    if (!range && i >= 0) range = { from: pos + i, to: pos + i + needle.length };
  });
  editor.commands.setTextSelection(range!);
}

const highlighted = (editor: Editor) => [...editor.view.dom.querySelectorAll('.xs-comment')].map((el) => el.textContent).join('');

describe('comment highlights in the editor', () => {
  it('mark the commented words and keep marking them through local typing and remote edits', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, jsonToUpdate({ type: 'doc', content: [para('会议认为应当充分听取低层住户的意见。')] }));
    const editor = editorOn(doc);
    select(editor, '低层住户');
    const anchor = anchorOfSelection(editor.state)!;
    editor.view.dispatch(setHighlightedComments(editor.state.tr, [{ id: 'c1', anchor }], 'c1'));
    expect(highlighted(editor)).toBe('低层住户');
    expect(editor.view.dom.querySelector('.xs-comment--active')?.getAttribute('data-comment-id')).toBe('c1');

    // local typing before the words
    editor.chain().setTextSelection(1).insertContent('据调研，').run();
    expect(highlighted(editor)).toBe('低层住户');

    // a remote edit from another replica, before the words
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    ((other.getXmlFragment(YJS_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '第一，');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(editor.getText()).toContain('第一，据调研，会议认为');
    expect(highlighted(editor)).toBe('低层住户');
    editor.destroy();
  });

  it('drop the highlight of a thread no longer listed (resolved)', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, jsonToUpdate({ type: 'doc', content: [para('资金由政府补贴、业主分摊。')] }));
    const editor = editorOn(doc);
    select(editor, '业主分摊');
    const anchor = anchorOfSelection(editor.state)!;
    editor.view.dispatch(setHighlightedComments(editor.state.tr, [{ id: 'c1', anchor }], null));
    expect(highlighted(editor)).toBe('业主分摊');
    editor.view.dispatch(setHighlightedComments(editor.state.tr, [], null));
    expect(highlighted(editor)).toBe('');
    editor.destroy();
  });
});
