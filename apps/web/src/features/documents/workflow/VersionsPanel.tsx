import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Modal, Paper, ScrollArea, Stack, Text, TextInput, Typography } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DocumentRoutes, type DocumentDetail, type DocumentVersion } from '@xieshang/contracts';
import { api } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useOrgTime } from '../../attendance/useOrgTime';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { useDocumentMutations, useDocumentVersions } from '../documentQueries';
import { ExportMenu } from './ExportMenu';

/** Named versions: save the current content under a name, view one, restore it (a new edit), export it. */
export function VersionsPanel({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const versions = useDocumentVersions(doc.id);
  const { createVersion, restoreVersion } = useDocumentMutations(doc.id);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [viewing, setViewing] = useState<DocumentVersion | null>(null);
  const [restoring, setRestoring] = useState<DocumentVersion | null>(null);
  const canRestore = doc.can.manageVersions && doc.state !== 'finalized';

  const save = () => {
    if (!name.trim()) return;
    createVersion.mutate(name.trim(), { onSuccess: () => setNaming(false) });
  };

  return (
    <Stack gap="sm">
      {doc.can.manageVersions && (
        <Button size="xs" variant="light" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => { setName(''); createVersion.reset(); setNaming(true); }}>
          {t('documents.versions.create')}
        </Button>
      )}
      {versions.isLoading && <Center><Loader size="sm" aria-label={t('common.loading')} /></Center>}
      {versions.error && <Alert color="red" role="alert">{errorText(t, versions.error)}</Alert>}
      {versions.data?.length === 0 && <Text size="sm" c="dimmed">{t('documents.versions.empty')}</Text>}
      <Stack gap="xs" component="ul" aria-label={t('documents.versions.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {versions.data?.map((v) => (
          <Paper key={v.id} component="li" withBorder p="xs" radius="md">
            <Text size="sm" fw={600}>{v.name}</Text>
            <Text size="xs" c="dimmed">{v.createdByName ?? '—'} · {time.dateTime(v.createdAt)}</Text>
            <Group gap={4} mt={4}>
              <Button size="compact-xs" variant="subtle" onClick={() => setViewing(v)}>{t('documents.versions.view')}</Button>
              {canRestore && <Button size="compact-xs" variant="subtle" color="orange" onClick={() => { restoreVersion.reset(); setRestoring(v); }}>{t('documents.versions.restore')}</Button>}
            </Group>
          </Paper>
        ))}
      </Stack>

      <Modal opened={naming} onClose={() => setNaming(false)} title={t('documents.versions.createTitle')} centered>
        <form onSubmit={(e) => { e.preventDefault(); save(); }}>
          <Stack gap="sm">
            <TextInput label={t('documents.versions.name')} placeholder={t('documents.versions.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} required data-autofocus />
            {createVersion.error && <Alert color="red" role="alert">{errorText(t, createVersion.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>{t('common.cancel')}</Button>
              <Button type="submit" loading={createVersion.isPending} disabled={!name.trim()}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <VersionViewer doc={doc} version={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog opened={restoring !== null} title={t('documents.versions.restoreTitle', { name: restoring?.name ?? '' })} message={t('documents.versions.restoreMessage')}
        confirmLabel={t('documents.versions.restore')} loading={restoreVersion.isPending} error={restoreVersion.error}
        onConfirm={() => restoring && restoreVersion.mutate(restoring.id, { onSuccess: () => setRestoring(null) })} onCancel={() => setRestoring(null)} />
    </Stack>
  );
}

function VersionViewer({ doc, version, onClose }: { doc: DocumentDetail; version: DocumentVersion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useQuery({
    queryKey: ['documents', 'version', doc.id, version?.id],
    queryFn: ({ signal }) => api(DocumentRoutes.getDocumentVersion, { params: { id: doc.id, versionId: version!.id }, signal }),
    enabled: !!version,
    staleTime: Infinity,
  });
  return (
    <Modal opened={version !== null} onClose={onClose} title={version?.name} size="xl" centered>
      {view.isLoading && <Center py="md"><Loader aria-label={t('common.loading')} /></Center>}
      {view.error && <Alert color="red" role="alert">{errorText(t, view.error)}</Alert>}
      {view.data && (
        <Stack gap="sm">
          <Group justify="flex-end"><ExportMenu documentId={doc.id} title={`${doc.title} ${version?.name ?? ''}`} finalized={false} versionId={version?.id} /></Group>
          <ScrollArea.Autosize mah="65vh">
            {/* The server renders versions with @xieshang/editor-schema renderHtml: escaped text, safe links only. */}
            <Typography><div dangerouslySetInnerHTML={{ __html: view.data.html }} /></Typography>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Modal>
  );
}
