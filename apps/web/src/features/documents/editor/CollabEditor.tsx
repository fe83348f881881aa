import { useEffect, useRef, type ReactNode } from 'react';
import { Box } from '@mantine/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { editorExtensions, YJS_FRAGMENT } from '@xieshang/editor-schema';
import { CommentHighlights, setHighlightedComments, type HighlightedComment } from '../comments/commentHighlights';
import type { CollabSession } from './useCollabSession';
import type { CollabUser } from './userColor';
import classes from './editor.module.css';

interface Props {
  session: CollabSession;
  user: CollabUser;
  editable: boolean;
  comments: HighlightedComment[];
  activeCommentId: string | null;
  onActivateComment: (id: string) => void;
  /** rendered above the content, given the editor (the toolbar) */
  header?: (editor: Editor) => ReactNode;
  /** the editor instance, for the page's own commands (comments, jumping to a thread) */
  onEditor?: (editor: Editor | null) => void;
}

/** A caret with the person's name on a label in their colour (text, never HTML: names are user input). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = String(user.color);
  caret.setAttribute('data-user', String(user.name ?? ''));
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

/**
 * The Tiptap editor bound to the shared Y.Doc: the schema's extensions plus Collaboration (Yjs sync
 * and per-user undo) and CollaborationCaret (everyone's caret and selection, through the provider's
 * awareness). Re-created only when the session changes; editability and highlights are pushed in.
 */
export function CollabEditor({ session, user, editable, comments, activeCommentId, onActivateComment, header, onEditor }: Props) {
  const { t } = useTranslation();
  const onActivate = useRef(onActivateComment);
  onActivate.current = onActivateComment;

  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: session.doc, field: YJS_FRAGMENT }),
        CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
        CommentHighlights.configure({ onActivate: (id) => onActivate.current(id) }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: classes.content,
          'aria-label': t('documents.editor.label'),
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [session],
  );

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(setHighlightedComments(editor.state.tr, comments, activeCommentId));
  }, [editor, comments, activeCommentId]);

  return (
    <Box className={classes.editor} data-editable={editable}>
      {header && <div className={classes.toolbar}>{header(editor)}</div>}
      <EditorContent editor={editor} />
    </Box>
  );
}
