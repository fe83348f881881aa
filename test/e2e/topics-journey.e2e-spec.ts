import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { apiAs, baseUrl, loggedInPage, ok, PHONE, shot, withFailureShots } from './support/journey';

/*
 * Issue 3 in Chromium, zh-CN: a visitor on a phone submits a topic to the public call without an
 * account; a member had proposed much the same. The office finds the duplicate through the similar
 * topics panel, merges it into the visitor's topic, pools it and shortlists it with the board's bulk
 * action; the visitor's status page follows. The office then puts the topic into this year's draft
 * plan, the live rule check shows the special-consultation minimum unmet, the office adds one more
 * (a supervision topic), and the plan goes through joint revision, the chair's meeting and
 * the party committee's approval.
 */

/** A Mantine Select: open it by its label, pick the option. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Run one plan step from the editor's buttons; steps that name a meeting get one. */
async function planStep(page: Page, action: string, meeting?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  if (meeting) await dialog.getByLabel('审议会议').fill(meeting);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('topics and plan journey in Chromium (issue 3)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('a visitor submits a topic, the office merges a duplicate and shortlists it, the plan meets its rules and is approved', () =>
    withFailureShots(browser, 'topics', async () => {
      const tag = Date.now().toString(36);
      const visitorTitle = `关于繁荣夜间经济打造特色夜市街区的建议 ${tag}`;
      const memberTitle = `关于发展夜间经济促进消费的建议 ${tag}`;

      // --- Setup through the API: the open demo call, and the member's topic (the future duplicate).
      const admin = await apiAs('admin@demo.local');
      const calls = ok(await admin.get<Array<{ id: string; isOpen: boolean }>>('/api/topic-calls'), 'calls');
      const call = calls.find((c) => c.isOpen);
      if (!call) throw new Error('the demo has no open public call');
      const member = await apiAs('member07@demo.local');
      ok(
        await member.post('/api/topics', {
          title: memberTitle,
          summary: '我市夜间经济业态单一，夜市街区布局分散，配套停车和公共交通不足。',
          rationale: '建议统筹规划夜间经济集聚区，延长公共交通运营时间，完善夜市管理。',
          category: 'consultation',
          policyArea: 'economy',
        }),
        'member topic',
      );

      // --- A visitor on a phone, not logged in, submits to the public call.
      const visitorContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...PHONE });
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${baseUrl()}/call/${call.id}`);
      await visitor.getByText('个人纠纷、私人诉求').first().waitFor();
      await visitor.getByLabel('议题名称').fill(visitorTitle);
      await visitor.getByLabel('内容摘要').fill('夜间经济发展不充分，夜市街区缺乏特色，配套停车和公共交通不足。');
      await visitor.getByLabel('理由和建议').fill('建议打造一批特色夜市街区，延长地铁和公交运营时间，规范夜市经营管理。');
      await choose(visitor, '领域', '经济发展');
      await visitor.getByRole('textbox', { name: '姓名', exact: true }).fill('陈女士');
      await visitor.getByLabel('手机号码').fill('13612345678');
      await visitor.getByLabel('同意在公开查询页显示我的姓名').check();
      await visitor.getByRole('button', { name: '提交议题' }).click();
      await visitor.getByText('感谢您的建议！').first().waitFor();
      await shot(visitor, 'topics-1-public-call-receipt');
      await visitor.getByRole('link', { name: '查看办理状态' }).click();
      await visitor.getByText('已收到，等待办公室筛选').first().waitFor();
      await visitor.getByText('陈女士').first().waitFor();

      // --- The office opens the member's topic from the board, starts screening and merges it into the visitor's.
      const office = await loggedInPage(browser, 'admin@demo.local');
      const page = office.page;
      await page.goto(`${baseUrl()}/topics?q=${encodeURIComponent(tag)}`);
      await page.getByRole('link', { name: memberTitle }).click();
      await page.getByRole('button', { name: '开始筛选', exact: true }).click();
      await page.getByText('筛选中').first().waitFor();
      const suggestion = page.getByTestId('similar-topic').filter({ hasText: visitorTitle });
      await suggestion.waitFor();
      await shot(page, 'topics-2-similar-topics');
      await suggestion.getByRole('button', { name: /并入此议题/ }).click();
      await page.getByRole('dialog').getByLabel('说明（可选）').fill('内容重复，并入社会征集议题');
      await page.getByRole('dialog').getByRole('button', { name: '合并', exact: true }).click();
      await page.getByText('已并入：').first().waitFor();

      // --- The visitor's topic: the member is now a co-signer; screen and pool it.
      await page.getByRole('link', { name: visitorTitle }).click();
      await page.getByText(/· 已确认/).first().waitFor();
      await page.getByRole('button', { name: '开始筛选', exact: true }).click();
      await page.getByRole('button', { name: '入库', exact: true }).click();
      await page.getByText('已入库').first().waitFor();

      // --- Shortlist it from the board with the bulk action.
      await page.goto(`${baseUrl()}/topics?q=${encodeURIComponent(tag)}`);
      await page.getByRole('checkbox', { name: `选择“${visitorTitle}”` }).check();
      await page.getByRole('button', { name: '批量列为备选' }).click();
      await page.getByText('已处理 1 条').first().waitFor();
      await page.getByRole('row', { name: new RegExp(visitorTitle) }).getByText('拟列入计划').first().waitFor();
      await shot(page, 'topics-3-board');

      await visitor.reload();
      await visitor.getByText('已列为年度计划备选议题').first().waitFor();

      // --- This year's draft plan: add the topic as a special consultation; the rule check follows live.
      const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      await page.goto(`${baseUrl()}/plans`);
      await page.getByRole('link', { name: `${year}年度协商计划` }).click();
      await page.getByText('专题协商会：全年至少 4 次，目前 2 次').first().waitFor();
      await page.getByRole('button', { name: '添加计划项目' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByText('从入围议题选取').click();
      await choose(page, '协商议题', new RegExp(visitorTitle));
      await choose(page, '协商形式', '专题协商会');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('专题协商会：全年至少 4 次，目前 3 次').first().waitFor();
      await shot(page, 'topics-4-plan-rule-violation');

      // One more special consultation, added directly (a supervision topic), meets the rule.
      await page.getByRole('button', { name: '添加计划项目' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByText('直接添加').click();
      await dialog.getByLabel('议题名称').fill(`住房保障政策落实情况民主监督 ${tag}`);
      await choose(page, '类别', '民主监督');
      await choose(page, '协商形式', '专题协商会');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('各项组织规则均已满足').first().waitFor();

      // --- Approval: joint revision (office), the chair's meeting (chair), submit (office), approval (leader).
      await planStep(page, '进入联合修订');
      const planUrl = page.url();
      const chair = await loggedInPage(browser, 'chair@demo.local');
      await chair.page.goto(planUrl);
      await planStep(chair.page, '登记主席会议审议', '十四届市政协第20次主席会议');
      await page.reload();
      await planStep(page, '报送党委审定');
      const leader = await loggedInPage(browser, 'leader@demo.local');
      await leader.page.goto(planUrl);
      await planStep(leader.page, '审定通过', '市委常委会第58次会议');
      await leader.page.getByText('十四届市政协第20次主席会议').first().waitFor();
      await leader.page.getByText('市委常委会第58次会议').first().waitFor();
      await shot(leader.page, 'topics-5-plan-approved');

      // The visitor sees their topic in the plan.
      await visitor.reload();
      await visitor.getByText('已列入年度协商计划').first().waitFor();

      await Promise.all([visitorContext.close(), office.context.close(), chair.context.close(), leader.context.close()]);
    }));
});
