import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../../../test/render';
import type { SendLiveCommand } from '../session/useLiveSession';
import { LiveScript, host, memberActor } from '../test/liveFixtures';
import { QueueList } from './QueueList';
import { dropTarget, moveInOrder, stepTarget } from './reorder';

const [a, b, c, d] = [memberActor(11, '甲'), memberActor(12, '乙'), memberActor(13, '丙'), memberActor(14, '丁')];

function queueWithCalledFirst() {
  const script = new LiveScript();
  script.run(host, { type: 'session:open' });
  for (const m of [a, b, c, d]) script.raise(m);
  script.run(host, { type: 'queue:call-next' });
  return script;
}

function names() {
  return within(screen.getByRole('list', { name: '发言顺序' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));
}

describe('host queue reordering', () => {
  it('sends queue:reorder with the target index in state.order when moved with the keyboard', async () => {
    const script = queueWithCalledFirst();
    const send = jest.fn<ReturnType<SendLiveCommand>, Parameters<SendLiveCommand>>(async () => ({ data: { version: script.state.version + 1 } }));
    renderPage(<QueueList state={script.state} send={send} onInsertResponse={() => undefined} />);
    expect(names()).toEqual(['甲', '乙', '丙', '丁']);

    const up = screen.getByRole('button', { name: '将丙上移一位' });
    up.focus();
    await userEvent.keyboard('{Enter}');
    // order is [甲 (called), 乙, 丙, 丁]: 丙 goes from index 2 to 1
    expect(send).toHaveBeenCalledWith({ type: 'queue:reorder', entryId: script.entryOf(c.id).id, toIndex: 1 });
    // shown at once, before the server's event arrives
    expect(names()).toEqual(['甲', '丙', '乙', '丁']);
  });

  it('never offers to move anyone ahead of the called speaker, nor past the end', () => {
    const script = queueWithCalledFirst();
    renderPage(<QueueList state={script.state} send={jest.fn()} onInsertResponse={() => undefined} />);
    expect(screen.getByRole('button', { name: '将乙上移一位' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '将丁下移一位' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '将乙下移一位' })).toBeEnabled();
  });

  it('agrees with the reducer on where a move lands', () => {
    const script = queueWithCalledFirst();
    const { order } = script.state;
    const dId = script.entryOf(d.id).id;
    const to = dropTarget(order, dId, script.entryOf(b.id).id)!;
    expect(to).toBe(1);
    script.run(host, { type: 'queue:reorder', entryId: dId, toIndex: to });
    expect(script.state.order).toEqual(moveInOrder(order, dId, to));
    expect(stepTarget(script.state, script.state.order, dId, -1)).toBeNull();
  });

  it('goes back to the server order when the move is refused', async () => {
    const script = queueWithCalledFirst();
    const send = jest.fn<ReturnType<SendLiveCommand>, Parameters<SendLiveCommand>>(async () => ({ error: { code: 'NOT_HOST', message: 'Only the host can do this' } }));
    renderPage(<QueueList state={script.state} send={send} onInsertResponse={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: '将丁上移一位' }));
    expect(send).toHaveBeenCalledWith({ type: 'queue:reorder', entryId: script.entryOf(d.id).id, toIndex: 2 });
    expect(names()).toEqual(['甲', '乙', '丙', '丁']);
  });
});
