import { AppException } from '../../common/app-exception';
import { RemoteCheckIns } from './live-check-in';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('remote check-ins behind the join', () => {
  it('runs a few at a time, once per person, and reports the ones that landed', async () => {
    let running = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const calls: string[] = [];
    const q = new RemoteCheckIns(async (meetingId, userId) => {
      calls.push(userId);
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((r) => release.push(r));
      running--;
      if (userId === 'refused') throw new AppException('NOT_INVITED');
      return userId !== 'declined';
    }, 2);
    const done: string[] = [];
    for (const u of ['a', 'b', 'a', 'refused', 'declined', 'c']) q.add('m', u, () => done.push(u));
    for (let i = 0; i < 10; i++) {
      await tick();
      release.splice(0).forEach((r) => r());
    }
    expect(calls).toEqual(['a', 'b', 'refused', 'declined', 'c']);
    expect(peak).toBe(2);
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  });

  it('starts nothing once stopped', async () => {
    const calls: string[] = [];
    const q = new RemoteCheckIns(async (_m, u) => (calls.push(u), true), 1);
    q.stop();
    q.add('m', 'a', () => undefined);
    await tick();
    expect(calls).toEqual([]);
  });
});
