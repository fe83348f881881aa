import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '@xieshang/contracts';
import { errorText } from '../../../lib/errors';
import { useDocumentMutations } from '../documentQueries';

/** Editors rename the document (the title in lists and exports; the heading in the text is theirs to edit). */
export function RenameButton({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const { rename } = useDocumentMutations(doc.id);
  const [title, setTitle] = useState<string | null>(null);
  if (!doc.can.edit) return null;
  const save = () => {
    if (title?.trim()) rename.mutate(title.trim(), { onSuccess: () => setTitle(null) });
  };
  return (
    <>
      <ActionIcon variant="subtle" color="gray" aria-label={t('documents.detail.rename')} onClick={() => { rename.reset(); setTitle(doc.title); }}>
        <IconPencil size={18} aria-hidden />
      </ActionIcon>
      <Modal opened={title !== null} onClose={() => setTitle(null)} title={t('documents.detail.rename')} centered>
        <form onSubmit={(e) => { e.preventDefault(); save(); }}>
          <Stack gap="sm">
            <TextInput label={t('documents.fields.title')} value={title ?? ''} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required data-autofocus />
            {rename.error && <Alert color="red" role="alert">{errorText(t, rename.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTitle(null)}>{t('common.cancel')}</Button>
              <Button type="submit" loading={rename.isPending} disabled={!title?.trim()}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
