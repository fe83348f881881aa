import { Badge, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconLoader, IconLock, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CollabStatus } from '@xieshang/collab-provider';
import { errorText } from '../../../lib/errors';
import { ApiError } from '../../../lib/api';
import { saveStatus, type SaveState } from './saveStatus';

const ICONS: Record<SaveState, typeof IconCloudCheck> = {
  connecting: IconLoader,
  saved: IconCloudCheck,
  saving: IconLoader,
  offline: IconCloudOff,
  offlineUnsaved: IconCloudOff,
  readOnly: IconLock,
  error: IconAlertTriangle,
};

/** 已保存 / 正在保存 n 处修改 / 离线，修改已保存在本机 — announced politely to screen readers. */
export function SaveStatusBadge({ status }: { status: CollabStatus | null }) {
  const { t } = useTranslation();
  const view = saveStatus(status ?? { connected: false, synced: false, pending: 0, role: null, readOnly: true });
  const shown = status ? view : { ...view, state: 'connecting' as const, key: 'connecting' as const, color: 'gray' as const };
  const Icon = ICONS[shown.state];
  const label = t(`documents.save.${shown.key}`, { count: shown.count });
  const badge = (
    <Badge color={shown.color} variant="light" size="lg" leftSection={<Icon size={14} aria-hidden />} role="status" aria-live="polite" data-save-state={shown.state}
      style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
  if (shown.state !== 'error' || !status?.error) return badge;
  const err = new ApiError(0, status.error.code, status.error.message, status.error.params);
  return <Tooltip label={errorText(t, err)} multiline w={260}>{badge}</Tooltip>;
}
