import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DocumentRoutes, EXPORT_FORMATS, type DocumentExportFormat } from '@xieshang/contracts';
import { download } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

const EXTENSION: Record<DocumentExportFormat, string> = { docx: 'docx', pdf: 'pdf', md: 'md', html: 'html' };

/** Characters Windows and phones refuse in file names. */
export const fileSafe = (title: string) => title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'document';

/**
 * Download the document as Word, PDF, Markdown or HTML: the finalized copy once finalized, a named
 * version when `versionId` is given, else the current content.
 */
export function ExportMenu({ documentId, title, finalized, versionId, size = 'xs' }: { documentId: string; title: string; finalized: boolean; versionId?: string; size?: 'xs' | 'compact-xs' }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<DocumentExportFormat | null>(null);
  const source = versionId ? 'version' : finalized ? 'finalized' : 'current';
  const run = async (format: DocumentExportFormat) => {
    setBusy(format);
    try {
      await download(DocumentRoutes.exportDocument, `${fileSafe(title)}.${EXTENSION[format]}`, {
        params: { id: documentId },
        query: { format, source, ...(versionId ? { versionId } : {}) },
      });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(t, e) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size={size} variant="default" leftSection={<IconDownload size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} loading={busy !== null}>
          {t('documents.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORT_FORMATS.map((f) => (
          <Menu.Item key={f} onClick={() => void run(f)}>{t(`documents.export.${f}`)}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
