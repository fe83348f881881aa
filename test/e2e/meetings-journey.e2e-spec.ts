import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, baseUrl, loggedInPage, logIn, ok, PHONE, pickerText, shot, wallClock, withFailureShots, type WallClock } from './support/journey';

/*
 * Issue 4 in Chromium, zh-CN: the office schedules a plenary session for about an hour from now
 * (short notice: the form names the notice rule), prepares and announces it with the page's buttons;
 * one invited member asks for leave on their phone, the chair approves it, another member checks in by
 * opening the projector's rotating QR link; the office sees both on the meeting's invitee list.
 */

const ZH_MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Set a Mantine DateTimePicker (a button that opens a calendar with hour and minute fields) to a wall
 * time. Days are buttons named like "24 十一月 2026"; the arrows and time fields carry the form's labels.
 */
async function pickDateTime(page: Page, label: string, at: WallClock): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dropdown = page.getByRole('dialog');
  await dropdown.getByRole('table').waitFor();
  const day = dropdown.getByRole('button', { name: `${at.day} ${ZH_MONTHS[at.month - 1]} ${at.year}`, exact: true });
  if (!(await day.isVisible())) await dropdown.getByRole('button', { name: '下个月' }).click();
  await day.click();
  const [hour, minute] = [dropdown.getByRole('spinbutton', { name: '时' }), dropdown.getByRole('spinbutton', { name: '分' })];
  await hour.fill(pad(at.hour));
  await minute.fill(pad(at.minute));
  await page.keyboard.press('Escape');
  await dropdown.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: label, exact: true }).filter({ hasText: pickerText(at) }).waitFor();
}

/** Pick one person in the invitee search by their e-mail (the office may search by e-mail) and check the pill shows their name. */
async function invitePerson(page: Page, email: string, name: string): Promise<void> {
  const search = page.getByRole('combobox', { name: '个别人员' });
  await search.fill(email);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await page.getByText(new RegExp(`^${name} · `)).first().waitFor();
}

describe('meetings journey in Chromium (issue 4)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('the office schedules and announces a meeting; a member gets leave from the chair, another checks in with the QR code', () =>
    withFailureShots(browser, 'meeting', async () => {
      const admin = await apiAs('admin@demo.local');
      const { timeZone } = ok(await admin.get<{ timeZone: string }>('/api/settings'), 'settings');
      const nameOf = async (email: string) => ok(await admin.get<{ items: Array<{ name: string; email: string }> }>(`/api/members?q=${encodeURIComponent(email)}`), email).items.find((m) => m.email === email)!.name;
      const [absentName, presentName] = [await nameOf('member05@demo.local'), await nameOf('member06@demo.local')];
      const title = `关于优化营商环境的全体会议 ${Date.now().toString(36)}`;

      // --- The office schedules it at /meetings/new: type, title, a start about an hour away, two people.
      const office = await loggedInPage(browser, 'admin@demo.local');
      const page = office.page;
      await page.goto(baseUrl() + '/meetings/new');
      await page.getByRole('combobox', { name: '会议类型' }).click();
      await page.getByRole('option', { name: '全体会议', exact: true }).click();
      await page.getByRole('textbox', { name: '会议名称' }).fill(title);
      await page.getByRole('textbox', { name: '会场' }).fill('市政协大礼堂');
      // On the next 5-minute mark after now + 1 h: room check-in (open from 2 h before the start) is already open.
      const start = new Date(Math.ceil((Date.now() + 3_600_000) / 300_000) * 300_000);
      await pickDateTime(page, '开始时间', wallClock(start, timeZone));
      // The end follows the start (the type's usual length), later the same evening or night.
      const endText = await page.getByRole('button', { name: '结束时间', exact: true }).innerText();
      expect(endText > pickerText(wallClock(start, timeZone))).toBe(true);
      await invitePerson(page, 'member05@demo.local', absentName);
      await invitePerson(page, 'member06@demo.local', presentName);
      await page.getByText('已选：2 位个别人员').waitFor();
      await page.keyboard.press('Escape');

      // Short notice: the warnings name the rule and the numbers, and say they do not block saving.
      const warnings = page.getByRole('region', { name: '排会提示' });
      await warnings.getByText(/通知时间不足：该类型要求提前15个工作日，实际\d+个工作日/).waitFor();
      await warnings.getByText(/材料报送时间不足：该类型要求会前10个工作日送达材料/).waitFor();
      await page.getByText('以上仅为提示，不影响保存').waitFor();
      await shot(page, 'meeting-form-warnings');
      await page.getByRole('button', { name: '保存并创建' }).click();
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      const meetingId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('region', { name: '排会提示' }).getByText('通知时间不足').waitFor();

      // --- Prepare, then announce, with the page's action buttons (each asks for confirmation).
      const toolbar = page.getByRole('toolbar', { name: '会议操作' });
      for (const [action, state] of [['开始筹备', '筹备中'], ['发出会议通知', '已通知']] as const) {
        await toolbar.getByRole('button', { name: action }).click();
        const dialog = page.getByRole('dialog', { name: action });
        await dialog.getByRole('button', { name: action }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText(state, { exact: true }).first().waitFor();
      }
      await toolbar.getByRole('link', { name: '进入会议' }).waitFor();
      await shot(page, 'meeting-detail-notified');

      // --- member05, on a phone, asks for leave with a reason.
      const absent = await loggedInPage(browser, 'member05@demo.local', PHONE);
      await absent.page.goto(`${baseUrl()}/meetings/${meetingId}`);
      const myInvitation = absent.page.getByRole('region', { name: '我的参会回执' });
      await myInvitation.getByText('您尚未回复，请确认是否参加').waitFor();
      await myInvitation.getByRole('button', { name: '请假' }).click();
      const leaveDialog = absent.page.getByRole('dialog', { name: '请假申请' });
      await leaveDialog.getByRole('textbox', { name: '请假事由' }).fill('当日在外地参加调研，无法按时返回。');
      await leaveDialog.getByRole('button', { name: '提交请假申请' }).click();
      await leaveDialog.waitFor({ state: 'hidden' });
      await myInvitation.getByText('您的请假申请正在等待审批').waitFor();
      await myInvitation.getByText('请假事由：当日在外地参加调研，无法按时返回。').waitFor();
      await shot(absent.page, 'meeting-member-leave-phone');

      // --- The chair (who decides leave for plenary sessions) approves it on /leave-requests.
      const chair = await loggedInPage(browser, 'chair@demo.local');
      await chair.page.goto(baseUrl() + '/leave-requests');
      const request = chair.page.getByRole('listitem', { name: `${absentName}：${title}` });
      await request.getByText('请假事由：当日在外地参加调研，无法按时返回。').waitFor();
      await request.getByRole('button', { name: `批准${absentName}的请假`, exact: true }).click();
      const decision = chair.page.getByRole('dialog', { name: `批准${absentName}请假（${title}）` });
      await decision.getByRole('textbox', { name: '审批意见（选填）' }).fill('同意，请会后阅读会议材料。');
      await decision.getByRole('button', { name: '批准', exact: true }).click();
      await decision.waitFor({ state: 'hidden' });
      await chair.page.getByText(`已批准${absentName}的请假`).waitFor();
      await request.waitFor({ state: 'detached' });
      await shot(chair.page, 'meeting-leave-approved');
      await chair.context.close();

      // The member sees the decision on their phone.
      await absent.page.reload();
      await myInvitation.getByText('您的请假已获批准').waitFor();
      await myInvitation.getByText('审批意见：同意，请会后阅读会议材料。').waitFor();
      await absent.context.close();

      // --- member06 checks in: the projector's current code (as the office fetches it), opened on a phone
      // that is not logged in yet: the login detour comes back to the check-in link and checks in at once.
      const token = await page.request.get(`${baseUrl()}/api/meetings/${meetingId}/check-in-token`);
      expect(token.status()).toBe(200);
      const { url, token: code } = (await token.json()) as { url: string; token: string };
      expect(url).toBe(`${baseUrl()}/meetings/${meetingId}/check-in?code=${code}`);
      const present = await browser.newContext({ locale: 'zh-CN', timezoneId: timeZone, ...PHONE });
      const phone = await present.newPage();
      await phone.goto(url);
      await phone.waitForURL(/\/login/);
      await logIn(phone, 'member06@demo.local');
      await phone.waitForURL((u) => u.pathname === `/meetings/${meetingId}/check-in`);
      await phone.getByRole('heading', { name: '签到成功' }).waitFor();
      await phone.getByText(title).first().waitFor();
      await phone.getByText(/签到时间 .+（现场）/).waitFor();
      await shot(phone, 'meeting-check-in-phone');
      await present.close();

      // --- The office sees both on the meeting page: leave approved, checked in (in the room).
      await page.reload();
      const invitees = page.getByRole('table');
      const absentRow = invitees.getByRole('row', { name: new RegExp(absentName) });
      await absentRow.getByText('请假已批准').waitFor();
      await absentRow.getByText('当日在外地参加调研，无法按时返回。').waitFor();
      const presentRow = invitees.getByRole('row', { name: new RegExp(presentName) });
      await presentRow.getByText('已签到').waitFor();
      await presentRow.getByText(/^现场 · \d{2}:\d{2}$/).waitFor();
      await shot(page, 'meeting-invitees');
      await office.context.close();
    }));
});
