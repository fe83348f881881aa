import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TopicPage, TopicSummary } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { MEMBER_USER, OFFICE_USER, SETTINGS } from '../meetings/meetingFixtures';
import { renderAt } from '../meetings/renderAt';
import { TopicBoardPage } from './TopicBoardPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const topic = (n: number, over: Partial<TopicSummary> = {}): TopicSummary => ({
  id: `7f6e5d4c-2222-4c1d-8e9f-0a1b2c3d4e0${n}`,
  publicId: `Pub${n}abcdefg`,
  year: 2027,
  title: `议题 ${n}`,
  summary: '摘要',
  category: 'consultation',
  policyArea: 'livelihood',
  source: 'public_call',
  state: 'submitted',
  proposerName: null,
  supportCount: n,
  coSignerCount: 0,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  ...over,
});
const PAGE: TopicPage = { items: [topic(1), topic(2), topic(3, { state: 'pooled' })], total: 3, totalCapped: false, page: 1, pageSize: 50 };

describe('topic board', () => {
  it('rejects the selected topics with one reason, asked for before anything is sent', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: OFFICE_USER }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      'GET /api/topics': () => ({ body: PAGE }),
      'POST /api/topics/bulk': () => ({ body: { updated: [topic(1).id, topic(2).id], refused: [] } }),
    });
    renderAt([{ path: '/topics', element: <TopicBoardPage /> }], '/topics');
    await userEvent.click(await screen.findByRole('checkbox', { name: '选择“议题 1”' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '选择“议题 2”' }));
    await userEvent.click(screen.getByRole('button', { name: '批量不予采纳' }));

    const dialog = await screen.findByRole('dialog', { name: '不予采纳' });
    expect(within(dialog).getByText('对选中的 2 条议题不予采纳')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: '批量不予采纳' }));
    expect(await within(dialog).findByText('请填写理由')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getByRole('textbox', { name: /理由/ }), '属于信访事项');
    await userEvent.click(within(dialog).getByRole('button', { name: '批量不予采纳' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = JSON.parse(String(calls.find((c) => c.method === 'POST')?.init.body));
    expect(body).toEqual({ ids: [topic(1).id, topic(2).id], action: 'reject', reason: '属于信访事项' });
    expect(await screen.findByText('已处理 2 条，0 条状态不符未处理')).toBeInTheDocument();
  });

  it('shows members the pool without selection boxes or a state filter', async () => {
    stubFetch({
      'GET /api/auth/me': () => ({ body: MEMBER_USER }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      'GET /api/topics': () => ({ body: { ...PAGE, items: [topic(3, { state: 'pooled' })], total: 1 } }),
    });
    renderAt([{ path: '/topics', element: <TopicBoardPage /> }], '/topics');
    expect(await screen.findByRole('link', { name: '议题 3' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '议题库' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '状态' })).not.toBeInTheDocument();
  });
});
