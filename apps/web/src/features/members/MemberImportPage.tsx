import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CoreRoutes, MEMBER_IMPORT_MAX_BYTES } from '@xieshang/contracts';
import { download, upload } from '../../lib/api';
import { ApiError } from '../../lib/ApiError';
import { errorText } from '../../lib/errors';
import { PageHeader } from '../shell/PageHeader';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportSummary } from './ImportSummary';
import { UploadErrorAlert } from './UploadErrorAlert';
import { useIssueText } from './useIssueText';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function MemberImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { fileIssueText } = useIssueText();
  const [file, setFile] = useState<File | null>(null);

  const preview = useMutation({
    mutationFn: (f: File) => {
      if (f.size > MEMBER_IMPORT_MAX_BYTES) {
        return Promise.reject(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large', { limit: `${MEMBER_IMPORT_MAX_BYTES / 1024 / 1024} MB` }));
      }
      return upload(CoreRoutes.previewMemberImport, f);
    },
  });
  const run = useMutation({
    mutationFn: (f: File) => upload(CoreRoutes.importMembers, f),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['org'] });
      notifications.show({ color: 'green', message: t('import.done', { count: r.created }) });
    },
  });
  const template = useMutation({ mutationFn: () => download(CoreRoutes.memberImportTemplate, 'members-template.xlsx') });

  const choose = (f: File | null) => {
    setFile(f);
    run.reset();
    preview.reset();
    if (f) preview.mutate(f);
  };

  const p = preview.data;
  const clean = !!p && p.invalidRows === 0 && p.fileIssues.length === 0 && p.totalRows > 0;

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => template.mutate()} loading={template.isPending}>
            {t('import.template')}
          </Button>
        }
      />
      <Stack>
        {template.error && <Alert color="red" role="alert">{errorText(t, template.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHint')}
            placeholder={t('import.choose')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          />
        </SimpleGrid>
        {preview.isPending && <Text c="dimmed" aria-live="polite">{t('import.checking')}</Text>}
        {preview.error && <UploadErrorAlert error={preview.error} />}
        {p && (
          <>
            <ImportSummary preview={p} />
            {p.fileIssues.length > 0 && (
              <Alert color="red" title={t('import.fileIssues')} role="alert">
                <List size="sm">
                  {p.fileIssues.map((i, n) => (
                    <List.Item key={n}>{fileIssueText(i)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {run.data ? (
              <Alert color="green" icon={<IconCheck aria-hidden />} role="status">{t('import.done', { count: run.data.created })}</Alert>
            ) : (
              <Group>
                <Button
                  leftSection={<IconUpload size={16} aria-hidden />}
                  disabled={!clean}
                  loading={run.isPending}
                  onClick={() => file && run.mutate(file)}
                >
                  {t('import.run', { count: p.validRows })}
                </Button>
                {!clean && <Text size="sm" c="dimmed">{t('import.fixFirst')}</Text>}
              </Group>
            )}
            {run.error && <UploadErrorAlert error={run.error} />}
            {p.rows.length > 0 && <ImportPreviewTable rows={p.rows} />}
          </>
        )}
      </Stack>
    </>
  );
}
