import { useSyncExternalStore } from 'react';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../../../test/render';
import { LiveStore } from '../session/liveStore';
import type { SendLiveCommand } from '../session/useLiveSession';
import { LiveScript, MEETING_ID, host, memberActor } from '../test/liveFixtures';
import { MemberView } from './MemberView';

const a = memberActor(11, '甲');
const b = memberActor(12, '乙');
const me = memberActor(13, '丙');
const you = { userId: me.id, isHost: false, canRequestFloor: true, canRespond: false, departmentId: null };

/** The member view fed by the same store the live client writes to. */
function Harness({ store, send }: { store: LiveStore; send: SendLiveCommand }) {
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  if (!view.state) return null;
  return (
    <MemberView title="专题协商会" videoUrl={null} jitsiBaseUrl={null} state={view.state} you={you} presenceCount={3} clockOffsetMs={0} joinMode="room" send={send} />
  );
}

function setup({ meRaised = true } = {}) {
  const script = new LiveScript();
  script.run(host, { type: 'session:open' });
  script.raise(a);
  script.raise(b);
  if (meRaised) script.raise(me);
  script.run(host, { type: 'queue:call-next' });
  const store = new LiveStore(MEETING_ID);
  store.replica.catchUp({ kind: 'snapshot', snapshot: { version: script.state.version, state: structuredClone(script.state) } });
  store.publishState();
  const send = jest.fn<ReturnType<SendLiveCommand>, Parameters<SendLiveCommand>>(async () => ({ data: { version: script.state.version + 1 } }));
  renderPage(<Harness store={store} send={send} />);
  const apply = (e: ReturnType<LiveScript['run']>) =>
    act(() => {
      store.replica.receive(e);
      store.publishState();
    });
  return { script, store, send, apply };
}

describe('member view', () => {
  it('announces "you are next" in the live region when an applied event makes the member next, then "your turn"', () => {
    const { script, apply } = setup();
    const region = screen.getByTestId('turn-live-region');
    expect(region).toHaveAttribute('aria-live', 'assertive');
    expect(region).toBeEmptyDOMElement();
    expect(screen.getByText('您排在第 2 位')).toBeInTheDocument();

    apply(script.run(b, { type: 'queue:withdraw', entryId: script.entryOf(b.id).id }));
    expect(region).toHaveTextContent('您是下一位，请做好准备');

    apply(script.run(host, { type: 'queue:call-next', finishCurrent: true }));
    expect(region).toHaveTextContent('轮到您了，请发言');
  });

  it('asks for the floor in the chosen mode', async () => {
    const { send } = setup({ meRaised: false });
    expect(screen.getByText('您尚未申请发言')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: '线上发言' }));
    await userEvent.click(screen.getByRole('button', { name: '申请发言' }));
    expect(send).toHaveBeenLastCalledWith({ type: 'queue:raise-hand', mode: 'remote' });
  });

  it('withdraws the own request', async () => {
    const { send, script } = setup();
    expect(screen.queryByRole('button', { name: '申请发言' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '撤回发言申请' }));
    expect(send).toHaveBeenLastCalledWith({ type: 'queue:withdraw', entryId: script.entryOf(me.id).id });
  });

  it('shows the current speaker and the next ones from the shared queries', () => {
    setup();
    expect(screen.getByText('请准备发言')).toBeInTheDocument();
    expect(screen.getAllByText('甲').length).toBeGreaterThan(0);
    const next = screen.getByRole('region', { name: '后续发言' });
    expect(next).toHaveTextContent('乙');
    expect(next).toHaveTextContent('丙');
  });
});
