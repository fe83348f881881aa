import type { Browser, Page } from 'playwright-core';
import * as path from 'node:path';
import { launchBrowser } from './support/browser';
import { ROOT } from './support/server';

const url = () => process.env.XS_E2E_URL!;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ROOT, 'test-results', `${name}.png`), fullPage: true });

describe('foundation in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('the demo admin logs in, opens the member directory, and switches the language', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url() + '/');
    await page.waitForURL(/\/login/);
    await page.getByLabel('邮箱').fill('admin@demo.local');
    await page.getByLabel('密码').fill('xieshang-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.getByRole('link', { name: '委员名录' }).first().click();
    await page.waitForURL(/\/directory/);
    // The seeded members are listed; searching narrows the list (the search also matches sector names).
    await page.getByRole('cell', { name: '民革' }).first().waitFor();
    await page.getByLabel('搜索').fill('经济界');
    await page.getByRole('cell', { name: '经济界' }).first().waitFor();
    expect(await page.getByRole('cell', { name: '民革' }).count()).toBe(0);
    await shot(page, 'directory-zh');

    await page.getByLabel('语言').first().click();
    const english = page.getByRole('option', { name: 'English' }).or(page.getByRole('menuitem', { name: 'English' })).or(page.getByRole('button', { name: 'English' }));
    await english.first().click();
    await page.getByRole('link', { name: 'Directory' }).first().waitFor();
    await shot(page, 'directory-en');

    // The choice is stored on the account: a fresh browser logging in gets English.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.locale).toBe('en');
    await context.close();
  });

  it('shows a translated error for a wrong password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url() + '/login');
    await page.getByLabel('邮箱').fill('chair@demo.local');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('邮箱或密码不正确').waitFor();
    await context.close();
  });

  it('loads the app’s scripts Brotli-compressed (precompressed at build time)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const encodings = new Map<string, string | undefined>();
    page.on('response', (res) => {
      if (res.url().includes('/assets/') && res.url().endsWith('.js')) encodings.set(res.url(), res.headers()['content-encoding']);
    });
    await page.goto(url() + '/login');
    await page.getByLabel('邮箱').waitFor();
    // the entry script comes Brotli-compressed, and so do the other big chunks (files under 1 KB get no copy)
    const entry = [...encodings].filter(([u]) => /\/assets\/index-[\w-]+\.js$/.test(u));
    expect(entry.map(([, e]) => e)).toEqual(['br']);
    expect([...encodings.values()].filter((e) => e === 'br').length).toBeGreaterThanOrEqual(3);
    await context.close();
  });
});
