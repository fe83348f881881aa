import { useRef, useState, type DragEvent } from 'react';
import { ActionIcon, Alert, Box, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileUpload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes, type Meeting, type MeetingMaterial } from '@xieshang/contracts';
import { api, download, upload } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { formatBytes, MATERIAL_ACCEPT, MATERIAL_MAX_MB, materialProblem } from './materialFiles';
import { formatDateTime } from './time';
import { meetingKey } from './useMeeting';

interface Props {
  meeting: Meeting;
  timeZone: string;
  /** the office attaches and removes files */
  canManage: boolean;
}

/** 会议材料: download for everyone who may see them; the office drops files in or picks them. */
export function MaterialsCard({ meeting, timeZone, canManage }: Props) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [removing, setRemoving] = useState<MeetingMaterial | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const send = useMutation({
    mutationFn: async (files: File[]) => {
      let latest: Meeting | null = null;
      // One at a time: each answer is the whole meeting with its materials so far.
      for (const file of files) latest = await upload(MeetingRoutes.uploadMaterial, file, { params: { id: meeting.id }, fileName: file.name });
      return latest;
    },
    onSuccess: (saved, files) => {
      if (saved) client.setQueryData(meetingKey(saved.id), saved);
      notifications.show({ color: 'green', message: t('meetings.materials.uploaded', { count: files.length }) });
    },
    // Files before the failing one are stored; show them.
    onError: () => void client.invalidateQueries({ queryKey: meetingKey(meeting.id) }),
  });
  const remove = useMutation({
    mutationFn: (m: MeetingMaterial) => api(MeetingRoutes.deleteMaterial, { params: { id: meeting.id, materialId: m.id } }),
    onSuccess: (saved) => {
      client.setQueryData(meetingKey(saved.id), saved);
      setRemoving(null);
    },
  });

  const take = (list: FileList | null) => {
    const files = [...(list ?? [])];
    const bad = files.flatMap((f) => {
      const p = materialProblem(f);
      return p ? [t(`meetings.materials.problem.${p}`, { name: f.name, max: MATERIAL_MAX_MB })] : [];
    });
    setProblems(bad);
    const good = files.filter((f) => !materialProblem(f));
    if (good.length > 0) send.mutate(good);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };
  const fetchFile = (m: MeetingMaterial) => {
    setDownloadError(null);
    download(MeetingRoutes.downloadMaterial, m.fileName, { params: { id: meeting.id, materialId: m.id } }).catch(setDownloadError);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} fz="h4">{t('meetings.materials.title')}</Title>
        {meeting.materials.length === 0 && <Text size="sm" c="dimmed">{t('meetings.materials.empty')}</Text>}
        {meeting.materials.length > 0 && (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {meeting.materials.map((m) => (
              <Group key={m.id} component="li" wrap="nowrap" gap="sm" justify="space-between">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <IconPaperclip size={16} aria-hidden />
                  <Box style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate="end">{m.fileName}</Text>
                    <Text size="xs" c="dimmed">
                      {[formatBytes(m.sizeBytes, locale), formatDateTime(m.uploadedAt, timeZone, locale), m.uploadedByName].filter(Boolean).join(' · ')}
                    </Text>
                  </Box>
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('meetings.materials.download')}>
                    <ActionIcon variant="subtle" onClick={() => fetchFile(m)} aria-label={t('meetings.materials.downloadNamed', { name: m.fileName })}>
                      <IconDownload size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  {canManage && (
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon variant="subtle" color="red" onClick={() => { remove.reset(); setRemoving(m); }} aria-label={t('meetings.materials.deleteNamed', { name: m.fileName })}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {downloadError != null && <Alert color="red" role="alert">{errorText(t, downloadError)}</Alert>}
        {canManage && (
          <Box
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            p="md"
            data-testid="material-dropzone"
            style={{
              border: `2px dashed var(--mantine-color-${dragging ? 'brand-6' : 'default-border'})`,
              borderRadius: 'var(--mantine-radius-md)',
              textAlign: 'center',
              background: dragging ? 'var(--mantine-color-brand-light)' : undefined,
            }}
          >
            <Stack gap={6} align="center">
              <Text size="sm">{t('meetings.materials.drop')}</Text>
              <Button variant="light" size="xs" leftSection={<IconFileUpload size={14} aria-hidden />} onClick={() => input.current?.click()} loading={send.isPending}>
                {t('meetings.materials.choose')}
              </Button>
              <Text size="xs" c="dimmed">{t('meetings.materials.limits', { max: MATERIAL_MAX_MB })}</Text>
              <input
                ref={input}
                type="file"
                multiple
                accept={MATERIAL_ACCEPT}
                hidden
                aria-label={t('meetings.materials.choose')}
                onChange={(e) => {
                  take(e.currentTarget.files);
                  e.currentTarget.value = '';
                }}
              />
            </Stack>
          </Box>
        )}
        {problems.map((p) => (
          <Alert key={p} color="red" role="alert" p="xs">{p}</Alert>
        ))}
        {send.error != null && <Alert color="red" role="alert" p="xs">{errorText(t, send.error)}</Alert>}
      </Stack>
      <ConfirmDialog
        opened={!!removing}
        title={t('meetings.materials.deleteTitle')}
        message={t('meetings.materials.deleteConfirm', { name: removing?.fileName ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Paper>
  );
}
