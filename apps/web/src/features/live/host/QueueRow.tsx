import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconDots, IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveEntry } from '@xieshang/contracts';
import { EntryTags, useEntryName } from '../shared/EntryTags';

export interface QueueRowActions {
  onMove: (delta: -1 | 1) => void;
  onCall: () => void;
  onStart: () => void;
  onSkip: () => void;
  onWithdraw: () => void;
  onInsertResponse: () => void;
}

interface Props extends QueueRowActions {
  entry: LiveEntry;
  /** 1-based place among the people waiting; null for the called entry */
  position: number | null;
  canUp: boolean;
  canDown: boolean;
  /** someone has the floor: calling another finishes (or skips) them first */
  floorTaken: boolean;
  replyToName?: string;
  disabled: boolean;
}

/** One line of the host's queue: draggable by its handle, movable with the arrow buttons, with its actions. */
export function QueueRow(p: Props) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const { entry } = p;
  const called = entry.status === 'called';
  const name = nameOf(entry);
  const sortable = useSortable({ id: entry.id, disabled: called || p.disabled });
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition, opacity: sortable.isDragging ? 0.6 : 1 };

  return (
    <Paper ref={sortable.setNodeRef} style={style} withBorder p="xs" radius="sm" bg={called ? 'yellow.0' : undefined} component="li" aria-label={name}>
      <Group gap="xs" wrap="nowrap" align="center">
        {called ? (
          <Badge color="yellow" variant="filled" miw={56}>
            {t('live.queue.calledBadge')}
          </Badge>
        ) : (
          <>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('live.queue.dragHandle', { name })}
              style={{ cursor: 'grab', touchAction: 'none' }}
              {...sortable.attributes}
              {...sortable.listeners}
            >
              <IconGripVertical size={18} aria-hidden />
            </ActionIcon>
            <Text fw={700} w={28} ta="right" aria-hidden>
              {p.position}
            </Text>
          </>
        )}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} truncate>
              {name}
            </Text>
            {entry.sectorName && (
              <Text size="sm" c="dimmed">
                {entry.sectorName}
              </Text>
            )}
          </Group>
          <Group gap={6}>
            <EntryTags entry={entry} size="sm" />
            {p.replyToName && (
              <Text size="xs" c="dimmed">
                {t('live.queue.replyTo', { name: p.replyToName })}
              </Text>
            )}
          </Group>
        </Stack>
        {called ? (
          <Group gap={4} wrap="nowrap">
            <Button size="xs" onClick={p.onStart} disabled={p.disabled}>
              {t('live.actions.startSpeaking')}
            </Button>
            <Button size="xs" variant="default" onClick={p.onSkip} disabled={p.disabled}>
              {t('live.actions.skipAbsent')}
            </Button>
          </Group>
        ) : (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="default" data-move="up" data-entry={entry.id} onClick={() => p.onMove(-1)} disabled={!p.canUp || p.disabled} aria-label={t('live.queue.moveUp', { name })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" data-move="down" data-entry={entry.id} onClick={() => p.onMove(1)} disabled={!p.canDown || p.disabled} aria-label={t('live.queue.moveDown', { name })}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <Button size="xs" variant="light" onClick={p.onCall} disabled={p.disabled}>
              {t('live.actions.call')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('live.queue.moreActions', { name })} disabled={p.disabled}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={p.onCall}>{p.floorTaken ? t('live.actions.callFinishingCurrent') : t('live.actions.call')}</Menu.Item>
                <Menu.Item onClick={p.onInsertResponse}>{t('live.actions.insertResponseAfter')}</Menu.Item>
                <Menu.Item onClick={p.onSkip}>{t('live.actions.skip')}</Menu.Item>
                <Menu.Item color="red" onClick={p.onWithdraw}>
                  {t('live.actions.withdrawForMember')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
