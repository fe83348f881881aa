import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DndContext, KeyboardSensor, PointerSensor, TouchSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { Speech } from '@xieshang/contracts';
import { errorText } from '../../lib/errors';
import { moveBy, rebaseOrder } from './orderDraft';
import { SortableSpeechRow } from './SortableSpeechRow';
import { useOrderSpeeches } from './useSpeeches';

/** The office sets the running order of oral speeches; the live session's queue opens with it. */
export function OralOrderEditor({ meetingId, oral }: { meetingId: string; oral: Speech[] }) {
  const { t } = useTranslation();
  const save = useOrderSpeeches(meetingId);
  const serverIds = oral.map((s) => s.id);
  const serverKey = serverIds.join(',');
  const [draft, setDraft] = useState({ base: serverKey, ids: serverIds });
  const [announcement, setAnnouncement] = useState('');
  // Follow the server when it changes (render-time adjustment, no effect round trip).
  if (draft.base !== serverKey) setDraft({ base: serverKey, ids: rebaseOrder(draft.ids, serverIds) });
  const ids = draft.base === serverKey ? draft.ids : rebaseOrder(draft.ids, serverIds);
  const byId = new Map(oral.map((s) => [s.id, s]));
  const dirty = ids.join(',') !== serverKey;
  // Never saved yet: the office may confirm the order as it stands.
  const unsavedDefault = oral.some((s) => s.oralOrder === null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const setIds = (next: string[]) => setDraft({ base: serverKey, ids: next });
  const titleOf = (id: UniqueIdentifier) => byId.get(String(id))?.title ?? '';
  const positionOf = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announce = (id: string, next: string[]) => setAnnouncement(t('speeches.order.moved', { title: titleOf(id), position: next.indexOf(id) + 1 }));

  const move = (id: string, by: -1 | 1) => {
    const next = moveBy(ids, id, by);
    setIds(next);
    announce(id, next);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    setIds(next);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('speeches.order.picked', { title: titleOf(active.id), position: positionOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('speeches.order.over', { title: titleOf(active.id), position: positionOf(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('speeches.order.moved', { title: titleOf(active.id), position: positionOf(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('speeches.order.cancelled', { title: titleOf(active.id) }),
  };

  const submit = () =>
    save.mutate(ids, { onSuccess: () => notifications.show({ color: 'green', message: t('speeches.order.saved') }) });

  return (
    <Stack gap="sm" component="section" aria-labelledby="oral-order-title">
      <Title order={3} size="h4" id="oral-order-title">{t('speeches.order.title')}</Title>
      <Text size="sm" c="dimmed">{t('speeches.order.hint')}</Text>
      {ids.length === 0 ? (
        <Text c="dimmed" size="sm">{t('speeches.order.empty')}</Text>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('speeches.order.instructions') } }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('speeches.order.title')}>
              {ids.map((id, i) => {
                const s = byId.get(id);
                return s ? <SortableSpeechRow key={id} speech={s} position={i + 1} count={ids.length} onMove={move} /> : null;
              })}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      <div aria-live="polite" className="visually-hidden">{announcement}</div>
      {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
      {ids.length > 0 && (
        <Group gap="sm">
          <Button onClick={submit} disabled={!dirty && !unsavedDefault} loading={save.isPending}>{t('speeches.order.save')}</Button>
          <Button variant="default" onClick={() => setIds(serverIds)} disabled={!dirty}>{t('speeches.order.reset')}</Button>
          {dirty && <Text size="sm" c="orange">{t('speeches.order.unsaved')}</Text>}
        </Group>
      )}
    </Stack>
  );
}
