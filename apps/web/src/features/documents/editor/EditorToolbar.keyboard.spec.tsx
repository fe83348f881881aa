import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { editorExtensions, jsonToUpdate, YJS_FRAGMENT } from '@xieshang/editor-schema';
import { renderPage } from '../../../test/render';
import { EditorToolbar } from './EditorToolbar';

function collabEditor() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToUpdate({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '会议纪要正文' }] }] }));
  const element = document.createElement('div');
  document.body.append(element);
  return new Editor({ element, extensions: [...editorExtensions(), Collaboration.configure({ document: doc, field: YJS_FRAGMENT })] });
}

// jsdom does no layout: ProseMirror's scroll-into-view after a command asks ranges for their rectangles.
beforeAll(() => {
  const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = noRects;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

describe('formatting toolbar', () => {
  it('names every button, shows pressed states, formats the selection and moves focus with the arrow keys', async () => {
    const editor = collabEditor();
    renderPage(<EditorToolbar editor={editor} />);
    const toolbar = screen.getByRole('toolbar', { name: '排版工具' });
    for (const name of ['撤销', '加粗', '倾斜', '下划线', '一级标题', '编号列表', '插入表格', '插入链接']) expect(within(toolbar).getByRole('button', { name })).toBeInTheDocument();
    // table commands wait for a table
    expect(within(toolbar).getByRole('button', { name: '在下方插入行' })).toBeDisabled();

    act(() => void editor.commands.setTextSelection({ from: 1, to: 3 }));
    const bold = within(toolbar).getByRole('button', { name: '加粗' });
    expect(bold).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(bold);
    expect(editor.getJSON().content?.[0].content?.[0]).toMatchObject({ text: '会议', marks: [{ type: 'bold' }] });
    expect(bold).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(within(toolbar).getByRole('button', { name: '插入表格' }));
    expect(within(toolbar).getByRole('button', { name: '在下方插入行' })).toBeEnabled();

    within(toolbar).getByRole('button', { name: '撤销' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(toolbar).getByRole('button', { name: '重做' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(within(toolbar).getByRole('button', { name: '插入链接' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(within(toolbar).getByRole('button', { name: '撤销' })).toHaveFocus();
    editor.destroy();
  });
});
