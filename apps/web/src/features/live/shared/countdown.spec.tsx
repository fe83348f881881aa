import { act, screen } from '@testing-library/react';
import type { LiveTimer } from '@xieshang/contracts';
import { renderPage } from '../../../test/render';
import { LiveScript, host, memberActor } from '../test/liveFixtures';
import { Countdown } from './Countdown';
import { formatCountdown, msUntilNextChange } from './countdown';

/** A speech started through the real reducer: 8-minute limit, timer on the server clock. */
function speechTimer(): { timer: LiveTimer; script: LiveScript } {
  const script = new LiveScript();
  const a = memberActor(11, '甲');
  script.run(host, { type: 'session:open' });
  script.raise(a);
  script.run(host, { type: 'queue:call-next' });
  script.run(host, { type: 'queue:start-speaking', entryId: script.entryOf(a.id).id });
  return { timer: script.state.timer!, script };
}

describe('countdown', () => {
  const { timer, script } = speechTimer();
  const start = timer.startedAt;
  // this client's clock is 5 s behind the server's
  const offset = 5_000;
  const local = (serverMs: number) => serverMs - offset;

  it('counts down on the server clock, whatever the local clock says', () => {
    expect(formatCountdown(timer, local(start), offset)).toMatchObject({ text: '08:00', phase: 'normal' });
    expect(formatCountdown(timer, local(start + 1), offset).text).toBe('08:00');
    expect(formatCountdown(timer, local(start + 1_000), offset).text).toBe('07:59');
    expect(formatCountdown(timer, local(start + 10_000), offset).text).toBe('07:50');
    // without the offset the same local instant would read 5 s more
    expect(formatCountdown(timer, local(start + 10_000), 0).text).toBe('07:55');
  });

  it('warns in the last minute and shows overtime as +mm:ss', () => {
    expect(formatCountdown(timer, local(start + 7 * 60_000 - 1), offset).phase).toBe('normal');
    expect(formatCountdown(timer, local(start + 7 * 60_000 + 30_000), offset)).toMatchObject({ text: '00:30', phase: 'warning' });
    expect(formatCountdown(timer, local(start + 8 * 60_000), offset)).toMatchObject({ text: '+00:00', phase: 'overtime' });
    expect(formatCountdown(timer, local(start + 8 * 60_000 + 65_000), offset)).toMatchObject({ text: '+01:05', phase: 'overtime' });
  });

  it('shows the same digits on two screens whose clocks disagree, once each knows its offset', () => {
    const serverNow = start + 3 * 60_000 + 12_345;
    const fast = formatCountdown(timer, serverNow + 3_000, -3_000);
    const slow = formatCountdown(timer, serverNow - 7_000, 7_000);
    expect(fast.text).toBe(slow.text);
    expect(fast.remainingMs).toBe(slow.remainingMs);
  });

  it('stands still while paused and wakes up right after the displayed second changes', () => {
    script.run(host, { type: 'timer:pause' }, 90_000);
    const paused = script.state.timer!;
    const a = formatCountdown(paused, local(start + 100_000), offset);
    const b = formatCountdown(paused, local(start + 400_000), offset);
    expect(a).toMatchObject({ text: '06:30', paused: true });
    expect(b.text).toBe(a.text);
    // 478.75 s left shows 07:59 until 478 s are left
    expect(msUntilNextChange(formatCountdown(timer, local(start + 1_250), offset))).toBe(750);
    expect(msUntilNextChange(formatCountdown(timer, local(start + 8 * 60_000 + 300), offset))).toBe(700);
  });

  it('renders overtime in words as well as in red digits', () => {
    jest.useFakeTimers();
    try {
      jest.setSystemTime(local(start + 8 * 60_000 + 65_000));
      renderPage(<Countdown timer={timer} offsetMs={offset} fontSize="4rem" />);
      act(() => jest.advanceTimersByTime(10));
      const clock = screen.getByRole('timer');
      expect(clock).toHaveTextContent('+01:05');
      expect(clock).toHaveAttribute('data-phase', 'overtime');
      expect(clock).toHaveAccessibleName('已超时 1 分 5 秒');
      expect(screen.getAllByText('已超时').length).toBeGreaterThan(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
