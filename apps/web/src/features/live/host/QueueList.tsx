import { useState } from 'react';
import { Text } from '@mantine/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { currentSpeaker } from '@xieshang/domain';
import type { SendLiveCommand } from '../session/useLiveSession';
import { useEntryName } from '../shared/EntryTags';
import { QueueRow } from './QueueRow';
import { dropTarget, firstMovableIndex, moveInOrder, queueEntries, stepTarget } from './reorder';

interface Props {
  state: LiveState;
  send: SendLiveCommand;
  onInsertResponse: (afterEntryId: string) => void;
}

/**
 * Reordering moves DOM nodes, which can drop the keyboard focus: put it back on the same arrow of the
 * moved row, or on the other arrow when this one is now disabled (top or bottom reached).
 */
function keepFocus(entryId: string, delta: -1 | 1) {
  requestAnimationFrame(() => {
    const pick = (dir: string) => document.querySelector<HTMLButtonElement>(`[data-move="${dir}"][data-entry="${entryId}"]:not(:disabled)`);
    (pick(delta < 0 ? 'up' : 'down') ?? pick(delta < 0 ? 'down' : 'up'))?.focus();
  });
}

/**
 * The host's queue in speaking order. Reorder by dragging the handle (mouse, touch, or keyboard: Space
 * to lift, arrows, Space to drop) or with the up/down buttons; every move is one queue:reorder with the
 * target index in `state.order`. The move shows at once and gives way to the server's order when the
 * next version arrives (or when the server refuses it).
 */
export function QueueList({ state, send, onInsertResponse }: Props) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const [optimistic, setOptimistic] = useState<{ version: number; order: string[] } | null>(null);
  const order = optimistic && optimistic.version === state.version ? optimistic.order : state.order;
  const entries = queueEntries(state, order);
  const floorTaken = currentSpeaker(state) !== null;
  const disabled = state.status === 'ended';
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const move = async (entryId: string, toIndex: number) => {
    setOptimistic({ version: state.version, order: moveInOrder(order, entryId, toIndex) });
    const ack = await send({ type: 'queue:reorder', entryId, toIndex });
    if ('error' in ack) setOptimistic(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const to = dropTarget(order, String(active.id), String(over.id));
    if (to !== null) void move(String(active.id), Math.max(to, firstMovableIndex(state, order)));
  };

  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const label = (id: string | number) => nameOf(byId.get(String(id)));
  const place = (id: string | number | undefined) => (id === undefined ? 0 : order.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('live.queue.dnd.picked', { name: label(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('live.queue.dnd.over', { name: label(active.id), position: place(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('live.queue.dnd.dropped', { name: label(active.id), position: place(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('live.queue.dnd.cancelled', { name: label(active.id) }),
  };

  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="sm">
        {t('live.queue.empty')}
      </Text>
    );
  }

  let waiting = 0;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('live.queue.dnd.instructions') } }}
    >
      <SortableContext items={order} strategy={verticalListSortingStrategy}>
        <ol aria-label={t('live.queue.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
          {entries.map((e) => {
            const up = stepTarget(state, order, e.id, -1);
            const down = stepTarget(state, order, e.id, 1);
            const replyTo = e.replyToEntryId ? byId.get(e.replyToEntryId) : undefined;
            return (
              <QueueRow
                key={e.id}
                entry={e}
                position={e.status === 'called' ? null : ++waiting}
                canUp={up !== null}
                canDown={down !== null}
                floorTaken={floorTaken}
                replyToName={replyTo ? nameOf(replyTo) : undefined}
                disabled={disabled}
                onMove={(delta) => {
                  const to = delta < 0 ? up : down;
                  if (to === null) return;
                  void move(e.id, to);
                  keepFocus(e.id, delta);
                }}
                onCall={() => void send({ type: 'queue:call', entryId: e.id, ...(floorTaken && { finishCurrent: true }) })}
                onStart={() => void send({ type: 'queue:start-speaking', entryId: e.id })}
                onSkip={() => void send({ type: 'queue:skip', entryId: e.id })}
                onWithdraw={() => void send({ type: 'queue:withdraw', entryId: e.id })}
                onInsertResponse={() => onInsertResponse(e.id)}
              />
            );
          })}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
