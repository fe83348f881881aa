import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Locator, Page } from 'playwright-core';
import { LiveTestClient } from '../../apps/api/test/support/live-clients';
import { TestClient } from '../../apps/api/test/support/test-client';
import { launchBrowser } from './support/browser';
import { announcedForum, apiAs, baseUrl, DESKTOP, logIn, loggedInPage, ok, PHONE, shot, withFailureShots } from './support/journey';
import { freePort, ROOT, startServer, type ServerHandle } from './support/server';

/*
 * Issue 5 in Chromium, zh-CN: the office drafts the minutes of a consultation forum from the meeting page
 * and makes a member an editor; both co-edit the minutes at the same time and see each other's text and
 * caret; the chair runs the live session (a socket client) and calls a speaker, whose row appears in the
 * minutes' speaking log while they are open; a comment made by the member reaches the office; the office
 * submits the minutes for review, finalizes them (read-only for everyone) and downloads a DOCX.
 */

/** Click into the document's last block, start a new paragraph after it and type there. */
async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator(':scope > *').last().click();
  // The End key stops in front of another person's caret when it sits at the end of the line (the caret is a
  // widget in the text), so put the selection at the end of the document through the editor instead.
  await editor.evaluate((el) => (el as HTMLElement & { editor: { commands: { focus(at: 'end'): boolean } } }).editor.commands.focus('end'));
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 10 });
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: '已保存' }).waitFor();

describe('co-authored minutes journey in Chromium (issue 5)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('the office and a member co-edit the minutes while the chair calls a speaker, then the office finalizes and exports them', () =>
    withFailureShots(browser, 'documents', async () => {
      const forum = await announcedForum('老旧小区加装电梯');
      const meeting = { ...forum, editor: forum.members[0], speaker: forum.members[1] };
      const { editor: member, speaker } = meeting;

      // The office drafts the minutes from the meeting page: the template carries the meeting's facts.
      const office: Page = (await loggedInPage(browser, 'admin@demo.local', DESKTOP)).page;
      await office.goto(`${baseUrl()}/meetings/${meeting.id}`);
      await office.getByRole('button', { name: '起草会议纪要' }).click();
      await office.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
      const documentUrl = office.url();
      const officeText = office.getByRole('textbox', { name: '文稿正文' });
      await officeText.getByText('政协二楼会议室').first().waitFor();
      await saved(office);

      // …and makes member01 an editor of them (everyone invited may already comment).
      await office.getByRole('tab', { name: '协作人员' }).click();
      await office.getByRole('combobox', { name: '人员' }).fill(member.name);
      await office.getByRole('option', { name: new RegExp(member.name) }).first().click();
      await office.getByRole('button', { name: '添加', exact: true }).click();
      await office.getByRole('list', { name: '已指定的协作人员' }).getByText(member.name).waitFor();

      // The member opens the same minutes on their own device: an editor, with the formatting toolbar.
      const memberPage: Page = (await loggedInPage(browser, member.email, DESKTOP)).page;
      await memberPage.goto(documentUrl);
      const memberText = memberPage.getByRole('textbox', { name: '文稿正文' });
      await memberText.getByText('政协二楼会议室').first().waitFor();
      await memberPage.getByRole('toolbar', { name: '排版工具' }).waitFor();
      await saved(memberPage);
      for (const page of [office, memberPage]) await page.getByText('2 人在线').waitFor();

      // Both type at once; each sees the other's words and caret, labelled with the other's name.
      await typeAtEnd(office, officeText, '会议认为，加装电梯的资金应由政府补贴、业主分摊。');
      await memberText.getByText('会议认为，加装电梯的资金应由政府补贴、业主分摊。').waitFor();
      // The office moves on to the title, so its caret (drawn inline at the end of that sentence) is out of the
      // member's way: the browser's End key stops in front of another person's caret.
      await officeText.locator('h1').first().click();
      await memberText.locator('h1 .collaboration-carets__caret').waitFor();
      await typeAtEnd(memberPage, memberText, '委员建议充分听取低层住户意见。');
      await officeText.getByText('委员建议充分听取低层住户意见。').waitFor();
      // the two paragraphs end the minutes, in the order they were written
      const lastTwo = async (t: Locator) =>
        (await t.locator(':scope > p').evaluateAll((ps) =>
          ps.map((p) => {
            // without the other person's caret label, which sits inside the paragraph
            const copy = p.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
            return copy.textContent;
          }),
        )).slice(-2);
      expect(await lastTwo(officeText)).toEqual(['会议认为，加装电梯的资金应由政府补贴、业主分摊。', '委员建议充分听取低层住户意见。']);
      expect(await lastTwo(memberText)).toEqual(await lastTwo(officeText));
      await office.locator('.collaboration-carets__label', { hasText: member.name }).waitFor();
      await memberPage.locator('.collaboration-carets__label', { hasText: meeting.officeName }).waitFor();
      await Promise.all([saved(office), saved(memberPage)]);
      await shot(office, 'documents-office-co-editing');
      await shot(memberPage, 'documents-member-co-editing');

      // The chair runs the live session from a socket client and calls member02: the row appears in the open minutes.
      const chairHttp = await apiAs('chair@demo.local');
      const chair = await new LiveTestClient('chair', chairHttp.cookieHeader).connect(baseUrl());
      try {
        const joined = await chair.join(meeting.id, { mode: 'room' });
        if (!('data' in joined)) throw new Error(`chair join refused: ${JSON.stringify(joined.error)}`);
        await chair.ok(meeting.id, { type: 'session:open' });
        await chair.ok(meeting.id, { type: 'queue:raise-hand', mode: 'room', memberId: speaker.id });
        await chair.waitFor('the hand', () => !!chair.state?.entries.some((e) => e.memberId === speaker.id));
        const entry = chair.state!.entries.find((e) => e.memberId === speaker.id)!;
        await chair.ok(meeting.id, { type: 'queue:call', entryId: entry.id });
        await chair.ok(meeting.id, { type: 'queue:start-speaking', entryId: entry.id });
        await officeText.locator('table').getByText(speaker.name).first().waitFor();
        await memberText.locator('table').getByText(speaker.name).first().waitFor();
        await chair.ok(meeting.id, { type: 'queue:finish', entryId: entry.id });
      } finally {
        chair.close();
      }
      await shot(memberPage, 'documents-member-speaking-log');

      // The member comments on the office's sentence; the thread reaches the office's sidebar.
      await memberText.getByText('会议认为，加装电梯的资金').first().click();
      await memberPage.keyboard.press('End');
      await memberPage.keyboard.press('Shift+Home');
      await memberPage.getByRole('button', { name: '批注', exact: true }).click();
      const commentDialog = memberPage.getByRole('dialog', { name: '添加批注' });
      await commentDialog.getByLabel('批注内容').fill('资金比例请写明。');
      await commentDialog.getByRole('button', { name: '发表批注' }).click();
      await commentDialog.waitFor({ state: 'hidden' });
      await office.getByRole('tab', { name: /批注/ }).click();
      await office.getByRole('list', { name: '批注' }).getByText('资金比例请写明。').waitFor();
      await office.getByRole('list', { name: '批注' }).getByText('会议认为，加装电梯的资金应由政府补贴、业主分摊。').waitFor();
      await office.locator('.xs-comment').first().waitFor();

      // The office submits for review, then finalizes: the minutes become read-only on both screens.
      await office.getByRole('button', { name: '提交审阅' }).click();
      await office.getByText('审阅中', { exact: true }).first().waitFor();
      await office.getByRole('button', { name: '定稿', exact: true }).click();
      const confirm = office.getByRole('dialog', { name: '确认定稿？' });
      await confirm.getByRole('button', { name: '定稿' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await office.getByText('本文稿已定稿，不能再修改。').waitFor();
      expect(await officeText.getAttribute('contenteditable')).toBe('false');
      await memberPage.getByText('本文稿已定稿，不能再修改。').waitFor();
      expect(await memberText.getAttribute('contenteditable')).toBe('false');
      await shot(office, 'documents-finalized');

      // The DOCX of the finalized minutes carries the Chinese text, the co-authored lines and the speaking log.
      const [download] = await Promise.all([office.waitForEvent('download'), (async () => {
        await office.getByRole('button', { name: '导出' }).first().click();
        await office.getByRole('menuitem', { name: 'Word 文档（.docx）' }).click();
      })()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = path.join(ROOT, 'test-results', 'documents-minutes.docx');
      await download.saveAs(file);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      for (const words of ['会议认为', '低层住户', speaker.name]) expect(xml).toContain(words);

      for (const context of browser.contexts()) await context.close();
    }), 180_000);

  it('a member reads the finalized minutes on a phone', () =>
    withFailureShots(browser, 'documents-phone', async () => {
      const member = await apiAs('member01@demo.local');
      const list = ok(await member.get<{ items: Array<{ id: string; kind: string; state: string }> }>('/api/documents?kind=minutes&state=finalized'), 'list');
      expect(list.items.length).toBeGreaterThan(0);
      const phone: Page = (await loggedInPage(browser, 'member01@demo.local', PHONE)).page;
      await phone.goto(`${baseUrl()}/documents`);
      await phone.locator(`a[href="/documents/${list.items[0].id}"]`).click();
      await phone.getByText('本文稿已定稿，不能再修改。').waitFor();
      await phone.getByRole('textbox', { name: '文稿正文' }).getByText('低层住户').first().waitFor();
      await shot(phone, 'documents-phone-reading');
      for (const context of browser.contexts()) await context.close();
    }));
});

describe('offline editing in Chromium (issue 5)', () => {
  let browser: Browser;
  let server: ServerHandle | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits made while the server is down are kept in the browser, survive a reload and reach the server when it is back', () =>
    withFailureShots(browser, 'documents-offline', async () => {
      // Its own server, stopped and restarted on the same port and data (IndexedDB belongs to the origin).
      const env = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
      server = await startServer(env);
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...DESKTOP });
      let page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await logIn(page, 'admin@demo.local');
      await page.goto(`${server.url}/documents`);
      await page.getByRole('button', { name: '新建文稿' }).click();
      const dialog = page.getByRole('dialog', { name: '新建文稿' });
      await dialog.getByLabel('标题').fill('离线编辑测试');
      await dialog.getByRole('button', { name: '创建' }).click();
      await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
      const documentUrl = page.url();
      await typeAtEnd(page, page.getByRole('textbox', { name: '文稿正文' }), '联网时写的一句。');
      await saved(page);

      await server.stop();
      await page.getByRole('status').filter({ hasText: '离线' }).waitFor({ timeout: 60_000 });
      await page.keyboard.type('断网后写的一句。');
      await page.getByRole('status').filter({ hasText: '离线，修改已保存在本机' }).waitFor();
      await shot(page, 'documents-offline');
      // let y-indexeddb write its copy, then leave the page: the edit now exists only in this browser
      await page.waitForTimeout(1_000);
      await page.close();

      server = await startServer({ ...env, DATA_DIR: server.dataDir });
      page = await context.newPage();
      await page.goto(documentUrl);
      const text = page.getByRole('textbox', { name: '文稿正文' });
      await text.getByText('联网时写的一句。断网后写的一句。').waitFor();
      await saved(page);
      const admin = await new TestClient(server.url).login('admin@demo.local');
      const id = documentUrl.split('/').pop()!;
      expect(ok(await admin.get<{ html: string }>(`/api/documents/${id}/html`), 'html').html).toContain('断网后写的一句。');
      await context.close();
    }), 240_000);
});
