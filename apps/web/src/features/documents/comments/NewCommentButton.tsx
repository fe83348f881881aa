import { useState } from 'react';
import { Alert, Blockquote, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { DocumentComment } from '@xieshang/contracts';
import { errorText } from '../../../lib/errors';
import { anchorOfSelection, type TextAnchor } from './anchors';
import { useCommentMutations } from './useCommentMutations';

const MAX_QUOTE = 2000;

/**
 * Comment on the selected text: the selection becomes an anchor (Yjs relative positions) when the
 * button is pressed, before focus moves to the dialog and the selection could change.
 */
export function NewCommentButton({ editor, documentId, onCreated }: { editor: Editor; documentId: string; onCreated: (c: DocumentComment) => void }) {
  const { t } = useTranslation();
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const [draft, setDraft] = useState<{ anchor: TextAnchor; quote: string } | null>(null);
  const [body, setBody] = useState('');
  const { add } = useCommentMutations(documentId);

  const start = () => {
    const anchor = anchorOfSelection(editor.state);
    if (!anchor) return;
    const { from, to } = editor.state.selection;
    setDraft({ anchor, quote: editor.state.doc.textBetween(from, to, ' ').trim().slice(0, MAX_QUOTE) });
    setBody('');
    add.reset();
  };
  const submit = () => {
    if (!draft || !body.trim()) return;
    add.mutate(
      { anchor: draft.anchor, quote: draft.quote, body: body.trim() },
      {
        onSuccess: (c) => {
          setDraft(null);
          onCreated(c);
        },
      },
    );
  };

  return (
    <>
      <Button size="compact-sm" variant="light" leftSection={<IconMessagePlus size={16} aria-hidden />} disabled={!hasSelection}
        onMouseDown={(e) => e.preventDefault()} onClick={start} title={hasSelection ? undefined : t('documents.comments.selectFirst')}>
        {t('documents.comments.add')}
      </Button>
      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={t('documents.comments.newTitle')} centered>
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <Stack gap="sm">
            {draft?.quote && <Blockquote p="xs" fz="sm" c="dimmed">{draft.quote}</Blockquote>}
            <Textarea label={t('documents.comments.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} maxLength={5000} required data-autofocus />
            {add.error && <Alert color="red" role="alert">{errorText(t, add.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
              <Button type="submit" loading={add.isPending} disabled={!body.trim()}>{t('documents.comments.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
