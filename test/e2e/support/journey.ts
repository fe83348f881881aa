import * as path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { TestClient } from '../../../apps/api/test/support/test-client';
import { ROOT } from './server';

/** Helpers shared by the browser journeys: the server started by the global setup, logins, screenshots, org wall-clock time. */

export const DEMO_PASSWORD = 'xieshang-demo';
export const baseUrl = (): string => {
  const url = process.env.XS_E2E_URL;
  if (!url) throw new Error('XS_E2E_URL is not set: run through test/e2e/jest.config.js (its global setup starts the server)');
  return url;
};

/** A phone in portrait, as most members use the app. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

/**
 * Save test-results/<name>.png. A full-page capture starts from the top: scrolled down, the fixed
 * app header would be drawn in the middle of the picture.
 */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ROOT, 'test-results', `${name}.png`), fullPage });
}

/** A fresh browser context in zh-CN (the default UI language) whose user logs in through the login form. */
export async function loggedInPage(browser: Browser, email: string, options: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  await page.goto(baseUrl() + '/login');
  await logIn(page, email);
  return { context, page };
}

/** Fill the login form that is on screen and wait until the app has left /login. */
export async function logIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** An HTTP client logged in as a demo user (for setup through the REST api, never for the steps under test). */
export const apiAs = (email: string) => new TestClient(baseUrl()).login(email, DEMO_PASSWORD);

/** A body the api answered, or an error naming the request and the status. */
export function ok<T>(res: { status: number; body: T }, what: string): T {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** An instant as the wall clock of a time zone shows it. */
export function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD HH:mm`, the meeting form's picker format. */
export const pickerText = (w: WallClock) => `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;

/** `mm:ss` or `+mm:ss` → signed seconds remaining. */
export function countdownSeconds(text: string): number {
  const m = /^(\+?)(\d+):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`not a countdown: "${text}"`);
  const s = Number(m[2]) * 60 + Number(m[3]);
  return m[1] ? -s : s;
}

/** Run a journey; when it fails, first save a screenshot of every page still open (test-results/<prefix>-failure-N.png). */
export async function withFailureShots(browser: Browser, prefix: string, journey: () => Promise<void>): Promise<void> {
  try {
    await journey();
  } catch (err) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    await Promise.all(pages.map((p, i) => shot(p, `${prefix}-failure-${i + 1}`).catch(() => undefined)));
    throw err;
  }
}

export interface DemoMember {
  id: string;
  email: string;
  name: string;
}

export interface AnnouncedForum {
  id: string;
  title: string;
  speakingLimitMinutes: number;
  /** the office account's display name */
  officeName: string;
  /** member01–03, invited */
  members: DemoMember[];
}

/**
 * Setup through the REST api (not what the journeys test): a consultation forum starting in half an hour (so the
 * projector's room check-in code is live), hosted by the chair, members 01–03 invited, announced.
 */
export async function announcedForum(topic: string): Promise<AnnouncedForum> {
  const admin = await apiAs('admin@demo.local');
  const officeName = ok(await admin.get<{ name: string }>('/api/auth/me'), 'me').name;
  const types = ok(await admin.get<Array<{ id: string; code: string }>>('/api/meeting-types'), 'meeting types');
  const person = async (email: string) => ok(await admin.get<{ items: DemoMember[] }>(`/api/members?q=${encodeURIComponent(email)}`), email).items.find((m) => m.email === email)!;
  const [chair, ...members] = await Promise.all(['chair@demo.local', 'member01@demo.local', 'member02@demo.local', 'member03@demo.local'].map(person));
  const now = Date.now();
  const meeting = ok(
    await admin.post<{ id: string; title: string; speakingLimitMinutes: number }>('/api/meetings', {
      typeId: types.find((t) => t.code === 'consultation_forum')!.id,
      title: `协商座谈会：${topic} ${now.toString(36)}`,
      startsAt: new Date(now + 30 * 60_000).toISOString(),
      endsAt: new Date(now + 3 * 3_600_000).toISOString(),
      venue: '政协二楼会议室',
      mode: 'in_person',
      hostId: chair.id,
      invitees: { userIds: members.map((m) => m.id) },
    }),
    'create meeting',
  );
  for (const action of ['start_preparing', 'notify']) ok(await admin.post(`/api/meetings/${meeting.id}/transition`, { action }), action);
  return { ...meeting, officeName, members };
}
