import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { announcedForum, baseUrl, countdownSeconds, DESKTOP, loggedInPage, PHONE, shot, withFailureShots } from './support/journey';

/*
 * Issue 8 in Chromium, zh-CN, three browser contexts on one meeting: the chair's host console, a member
 * on a phone, and the hall's projector. The chair opens the session, the member asks for the floor, the
 * chair calls and starts them; every screen shows the same speaker and the same server-timed countdown
 * (and the projector the rotating check-in QR); the chair finishes the speech and ends the session.
 */

const countdownOf = async (timer: Locator) => countdownSeconds((await timer.textContent()) ?? '');

/** Read several countdowns at (nearly) the same instant and return their spread in seconds. */
async function spreadSeconds(timers: Locator[]): Promise<{ values: number[]; spread: number }> {
  const values = await Promise.all(timers.map(countdownOf));
  return { values, spread: Math.max(...values) - Math.min(...values) };
}

describe('live session journey in Chromium (issue 8)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('the chair runs a speech from the host console while a member on a phone and the projector follow it live', () =>
    withFailureShots(browser, 'live', async () => {
      const forum = await announcedForum('推进老旧小区加装电梯');
      const meeting = { ...forum, speaker: forum.members[0] };
      const { speaker } = meeting;
      const live = `${baseUrl()}/meetings/${meeting.id}`;

      const host: Page = (await loggedInPage(browser, 'chair@demo.local', DESKTOP)).page;
      const member: Page = (await loggedInPage(browser, speaker.email, PHONE)).page;
      const projector: Page = (await loggedInPage(browser, 'admin@demo.local', { viewport: { width: 1920, height: 1080 } })).page;

      // Everyone is in before the session opens: the member is asked where they are, and waits.
      await host.goto(`${live}/live/host`);
      await host.getByRole('heading', { name: meeting.title }).waitFor();
      await member.goto(`${live}/live`);
      await member.getByRole('heading', { name: '您在哪里参会？' }).waitFor();
      await member.getByRole('button', { name: '我在会场' }).click();
      await member.getByText('会议开始后即可申请发言').waitFor();
      await projector.goto(`${live}/projector`);
      await projector.getByText('会议即将开始').waitFor();
      await projector.getByRole('img', { name: '签到二维码' }).waitFor();

      // The chair opens the session; the member's "request to speak" comes alive over the socket.
      await host.getByRole('button', { name: '宣布开会' }).click();
      await host.getByRole('button', { name: '休会' }).waitFor();
      await member.getByText('进行中', { exact: true }).first().waitFor();
      await member.getByRole('button', { name: '申请发言' }).click();
      await member.getByText('您是下一位，请做好准备').first().waitFor();

      // The chair sees the hand in the queue, calls the member, who is told it is their turn.
      const queue = host.getByRole('list', { name: '发言顺序' });
      const row = queue.getByRole('listitem', { name: speaker.name });
      await row.getByText('自由发言').waitFor();
      await projector.getByRole('listitem').filter({ hasText: speaker.name }).waitFor();
      await row.getByRole('button', { name: '点名发言', exact: true }).click();
      await member.getByRole('status').filter({ hasText: '轮到您了，请发言' }).waitFor();
      const floor = host.getByRole('region', { name: '请准备发言' });
      await floor.getByText(speaker.name, { exact: true }).waitFor();

      // The chair starts the speech: the server's clock starts, every screen counts down the same time.
      await floor.getByRole('button', { name: '开始发言', exact: true }).click();
      const speaking = host.getByRole('region', { name: '正在发言' });
      await speaking.getByText(speaker.name, { exact: true }).waitFor();
      await member.getByText('您正在发言').waitFor();
      await projector.getByText(speaker.name, { exact: true }).waitFor();

      const timers = [speaking.getByRole('timer'), projector.getByRole('timer'), member.getByRole('timer')];
      await Promise.all(timers.map((t) => t.waitFor()));
      const limit = meeting.speakingLimitMinutes * 60;
      const first = await spreadSeconds(timers);
      expect(first.spread).toBeLessThanOrEqual(1);
      for (const v of first.values) {
        expect(v).toBeLessThanOrEqual(limit);
        expect(v).toBeGreaterThan(limit - 30);
      }
      // Still agreeing once the clocks have moved on (the countdown is running, not frozen at the limit).
      await host.waitForFunction((l) => {
        const text = document.querySelector('[role="timer"]')?.textContent ?? '';
        const [m, s] = text.split(':').map(Number);
        return m * 60 + s < l;
      }, limit);
      const second = await spreadSeconds(timers);
      expect(second.spread).toBeLessThanOrEqual(1);
      // The projector's QR carries the current rotating code (it refreshes itself as the code rotates).
      const qr = projector.getByRole('figure', { name: '扫码签到' });
      await qr.getByRole('img', { name: '签到二维码' }).waitFor();
      await projector.waitForFunction(
        async (id) => {
          const res = await fetch(`/api/meetings/${id}/check-in-token`);
          const { token } = (await res.json()) as { token: string };
          return document.querySelector('figure')?.textContent?.includes(token) ?? false;
        },
        meeting.id,
        { polling: 250 },
      );

      await shot(host, 'live-host');
      await shot(member, 'live-member-phone');
      await shot(projector, 'live-projector', false);

      // The chair finishes the speech and ends the session; the member and the projector see it ended.
      await speaking.getByRole('button', { name: '结束发言', exact: true }).click();
      await host.getByText('当前无人发言').first().waitFor();
      await host.getByRole('button', { name: '结束会议' }).click();
      const confirm = host.getByRole('dialog', { name: '结束本次会议？' });
      await confirm.getByRole('button', { name: '结束会议' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await host.getByText('已结束', { exact: true }).waitFor();
      await host.getByRole('button', { name: '结束会议' }).waitFor({ state: 'detached' });
      await member.getByText('已结束', { exact: true }).first().waitFor();
      await member.getByText('会议已结束').waitFor();
      await projector.getByText('会议已结束').waitFor();
      await shot(member, 'live-member-ended-phone');
      await shot(projector, 'live-projector-ended', false);

      // The speech is in the log that feeds the minutes.
      await host.getByRole('tab', { name: '发言记录' }).click();
      await host.getByRole('tabpanel').getByText(speaker.name).first().waitFor();
      for (const context of browser.contexts()) await context.close();
    }));
});
