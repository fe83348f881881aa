import { ActionIcon, Group, Paper, Text } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Speech } from '@xieshang/contracts';

interface Props {
  speech: Speech;
  position: number;
  count: number;
  onMove: (id: string, by: -1 | 1) => void;
}

/** One oral speech in the running order: drag handle (pointer and keyboard) plus up/down buttons. */
export function SortableSpeechRow({ speech, position, count, onMove }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: speech.id });
  return (
    <Paper
      ref={setNodeRef}
      component="li"
      withBorder
      p="xs"
      radius="md"
      style={{ transform: CSS.Transform.toString(transform), transition, zIndex: isDragging ? 1 : undefined, boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined }}
    >
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          style={{ cursor: 'grab', touchAction: 'none' }}
          aria-label={t('speeches.order.dragNamed', { title: speech.title })}
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={18} aria-hidden />
        </ActionIcon>
        <Text fw={700} w={28} ta="right" aria-hidden>{position}</Text>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={500} truncate>{speech.title}</Text>
          <Text size="xs" c="dimmed" truncate>{speech.sectorName ? t('speeches.authorWithSector', { name: speech.authorName, sector: speech.sectorName }) : speech.authorName}</Text>
        </div>
        <ActionIcon variant="default" disabled={position === 1} onClick={() => onMove(speech.id, -1)} aria-label={t('speeches.order.upNamed', { title: speech.title })}>
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon variant="default" disabled={position === count} onClick={() => onMove(speech.id, 1)} aria-label={t('speeches.order.downNamed', { title: speech.title })}>
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}
