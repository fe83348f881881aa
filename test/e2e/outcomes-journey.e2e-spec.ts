import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, baseUrl, loggedInPage, ok, PHONE, shot, withFailureShots } from './support/journey';

/*
 * Issue 6 in Chromium, zh-CN: the office sends a finalized consultation report as an outcome, records
 * the leader's instruction (批示) and assigns it to 市教育局. The bureau's liaison, on a phone, sees only
 * their department's task and submits feedback; the office sends it back once with a comment; the
 * liaison reads the comment and resubmits; the office accepts the feedback and closes the outcome.
 * The dashboard's counts follow.
 */

jest.setTimeout(240_000);

/** Progress on stderr, so a stalled journey says where it stood. */
const step = (what: string) => process.stderr.write(`[outcomes-journey] ${what}\n`);

/** A Mantine Select: open it by its label, pick the option. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The dashboard's big numbers, read from their accessible names ("成果总数 7"). */
async function counts(page: Page): Promise<Record<'total' | 'open' | 'overdue' | 'closed', number>> {
  await page.goto(`${baseUrl()}/outcomes/dashboard`);
  const read = async (label: string) => {
    const group = page.getByRole('group', { name: new RegExp(`^${label} \\d+$`) });
    await group.waitFor();
    return Number((await group.getAttribute('aria-label'))?.split(' ').pop());
  };
  return { total: await read('成果总数'), open: await read('办理中'), overdue: await read('逾期'), closed: await read('已办结') };
}

/** YYYY-MM-DD, `days` from now, in the organisation's zone. */
function dateIn(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('outcomes journey in Chromium (issue 6)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('the office sends, instructs and assigns; the liaison answers, is sent back once, answers again; the office closes it', () =>
    withFailureShots(browser, 'outcomes', async () => {
      const tag = Date.now().toString(36);
      const reportTitle = `关于推进义务教育优质均衡发展的协商专报 ${tag}`;

      step('setup: a finalized report');

      // --- Setup through the API: a finalized consultation report on a demo topic.
      const admin = await apiAs('admin@demo.local');
      const topics = ok(await admin.get<{ items: Array<{ id: string }> }>('/api/topics?pageSize=1'), 'topics');
      const doc = ok(await admin.post<{ id: string }>('/api/documents', { kind: 'report', title: reportTitle, topicId: topics.items[0].id }), 'create report');
      ok(await admin.post(`/api/documents/${doc.id}/transition`, { action: 'submit_for_review' }), 'submit report');
      ok(await admin.post(`/api/documents/${doc.id}/transition`, { action: 'finalize' }), 'finalize report');

      const office = await loggedInPage(browser, 'admin@demo.local');
      const page = office.page;
      const before = await counts(page);

      step('office sends the outcome');

      // --- The office sends the report to the party secretary as an outcome.
      await page.goto(`${baseUrl()}/outcomes`);
      await page.getByRole('table').getByRole('link').first().waitFor();
      await shot(page, 'outcomes-0-list');
      await page.getByRole('button', { name: '报送新成果' }).click();
      let dialog = page.getByRole('dialog');
      await choose(page, '定稿文稿', new RegExp(tag));
      await dialog.getByRole('textbox', { name: '第 1 位报送对象姓名' }).fill('王建国');
      await dialog.getByRole('textbox', { name: '第 1 位报送对象职务' }).fill('市委书记');
      await dialog.getByRole('button', { name: '报送', exact: true }).click();
      await page.getByRole('heading', { name: reportTitle }).waitFor();
      await page.getByText('已报送').first().waitFor();

      step('office records the instruction');

      // --- The leader's instruction.
      await page.getByRole('button', { name: '登记领导批示' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('批示领导').fill('李明 副市长');
      await dialog.getByLabel('批示内容').fill('请市教育局认真研究，提出具体落实措施，按期反馈。');
      await dialog.getByRole('button', { name: '登记领导批示' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('请市教育局认真研究，提出具体落实措施，按期反馈。').waitFor();

      step('office assigns');

      // --- Assign 市教育局 as the lead department, due in two weeks.
      await page.getByRole('button', { name: '交办', exact: true }).click();
      dialog = page.getByRole('dialog');
      await choose(page, '主办单位', '市教育局');
      await dialog.getByLabel('反馈期限').fill(dateIn(14));
      await dialog.getByRole('button', { name: '交办', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('assignment').filter({ hasText: '市教育局' }).getByText('待反馈').waitFor();
      await shot(page, 'outcomes-1-assigned');
      const outcomeUrl = page.url();

      step('liaison answers');

      // --- The bureau's liaison, on a phone, answers in their portal.
      const liaison = await loggedInPage(browser, 'dept03@demo.local', PHONE);
      await liaison.page.goto(`${baseUrl()}/assignments`);
      let task = liaison.page.getByRole('article', { name: reportTitle });
      await task.getByText('请市教育局认真研究').waitFor();
      await task.getByRole('button', { name: '填写反馈' }).click();
      await task.getByRole('radio', { name: '部分采纳' }).check();
      await task.getByLabel('采取的措施和办理情况').fill('已将扩大优质学位供给纳入明年民生实事项目。');
      await task.getByRole('button', { name: '提交反馈' }).click();
      await liaison.page.getByText('反馈已提交，等待政协办公室评价').first().waitFor();

      // Another bureau's liaison does not see the task.
      const other = await loggedInPage(browser, 'dept02@demo.local', PHONE);
      await other.page.goto(`${baseUrl()}/assignments`);
      await other.page.getByRole('heading', { name: '办理任务' }).waitFor();
      await other.page.waitForLoadState('networkidle');
      if ((await other.page.getByRole('article', { name: reportTitle }).count()) !== 0) throw new Error('another department sees the assignment');

      step('office sends back');

      // --- The office sends it back once with a comment.
      await page.goto(outcomeUrl);
      let card = page.getByTestId('assignment').filter({ hasText: '市教育局' });
      await card.getByText('已将扩大优质学位供给纳入明年民生实事项目。').waitFor();
      await card.getByRole('button', { name: '退回重办' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('评价意见').fill('请补充新增学位的数量和完成时间。');
      await dialog.getByRole('button', { name: '退回重办' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await card.getByText('已退回').waitFor();

      step('liaison resubmits');

      // --- The liaison reads the comment and resubmits.
      await liaison.page.reload();
      task = liaison.page.getByRole('article', { name: reportTitle });
      await task.getByText('请补充新增学位的数量和完成时间。').first().waitFor();
      await shot(liaison.page, 'outcomes-2-liaison-sent-back');
      await task.getByRole('button', { name: '修改后重新反馈' }).click();
      await task.getByRole('radio', { name: '采纳', exact: true }).check();
      await task.getByLabel('采取的措施和办理情况').fill('明年新增公办学位 6000 个，2027 年 9 月前投入使用。');
      await task.getByRole('button', { name: '提交反馈' }).click();
      await liaison.page.getByText('反馈已提交，等待政协办公室评价').first().waitFor();

      step('office accepts and closes');

      // --- The office accepts it and closes the outcome.
      await page.reload();
      card = page.getByTestId('assignment').filter({ hasText: '市教育局' });
      await card.getByText('明年新增公办学位 6000 个，2027 年 9 月前投入使用。').waitFor();
      await card.getByRole('button', { name: '评价通过' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '评价通过' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已评价').first().waitFor();
      await page.getByRole('button', { name: '办结', exact: true }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '办结', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已办结').first().waitFor();
      await shot(page, 'outcomes-3-closed');

      step('office publishes it; a visitor reads it on a phone');
      await page.getByRole('switch', { name: '在成果公开页展示' }).check();
      await page.getByRole('textbox', { name: '公开摘要' }).fill('建议扩大优质学位供给，市教育局已采纳。');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByText('公开设置已保存').first().waitFor();
      const visitorContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...PHONE });
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${baseUrl()}/accountability`);
      const published = visitor.getByRole('article', { name: reportTitle });
      await published.getByText('建议扩大优质学位供给，市教育局已采纳。').waitFor();
      await published.getByText('市教育局（主办）').waitFor();
      await published.getByText('明年新增公办学位 6000 个，2027 年 9 月前投入使用。').waitFor();
      if ((await visitor.getByText('请补充新增学位的数量和完成时间。').count()) !== 0) throw new Error('the public page shows an internal comment');
      await shot(visitor, 'outcomes-5-public-phone');

      step('dashboard counts');

      // --- The dashboard counts the new, closed outcome.
      const after = await counts(page);
      if (after.total !== before.total + 1 || after.closed !== before.closed + 1 || after.open !== before.open) {
        throw new Error(`dashboard counts: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      }
      await shot(page, 'outcomes-4-dashboard');

      await Promise.all([office.context.close(), liaison.context.close(), other.context.close(), visitorContext.close()]);
    }));
});
