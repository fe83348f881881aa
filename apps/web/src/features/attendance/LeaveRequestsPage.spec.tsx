import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LeaveRequest } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { LeaveRequestsPage } from './LeaveRequestsPage';
import { fillIn, invitation, jsonBody, sessionUser, settings } from './testData';

const request = (name: string, reason: string): LeaveRequest => ({
  ...invitation({ name, state: 'leave_requested', leaveReason: reason }),
  meetingTitle: '关于优化营商环境的专题协商会',
  meetingStartsAt: '2026-12-10T06:30:00.000Z',
});

function setup(pending: LeaveRequest[]) {
  const page = (items: LeaveRequest[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20 } });
  return stubFetch({
    'GET /api/auth/me': () => ({ body: sessionUser(['chair', 'member']) }),
    'GET /api/settings': () => ({ body: settings }),
    'GET /api/leave-requests': (url) => page(new URL(url, 'http://x').searchParams.get('state') === 'decided' ? [] : pending),
    ...Object.fromEntries(
      pending.map((r) => [`POST /api/invitations/${r.id}/leave-decision`, (_: string, init: RequestInit) => ({ body: { ...r, state: (jsonBody(init) as { approve: boolean }).approve ? 'leave_approved' : 'leave_rejected' } })]),
    ),
  });
}

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);

describe('LeaveRequestsPage', () => {
  it('lists pending requests with member, sector, meeting, time and reason, and counts them', async () => {
    setup([request('李委员', '赴外地参加培训'), request('王委员', '身体不适')]);
    renderPage(<LeaveRequestsPage />);
    const card = await screen.findByRole('listitem', { name: '李委员：关于优化营商环境的专题协商会' });
    expect(within(card).getByText('经济界')).toBeInTheDocument();
    expect(within(card).getByText('2026年12月10日 14:30', { exact: false })).toBeInTheDocument();
    expect(within(card).getByText('请假事由：赴外地参加培训')).toBeInTheDocument();
    expect(screen.getByLabelText('2 条待审批')).toBeInTheDocument();
  });

  it('approves with an optional comment: sends {approve: true, comment: null}', async () => {
    const r = request('李委员', '赴外地参加培训');
    const { calls } = setup([r]);
    renderPage(<LeaveRequestsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '批准李委员的请假' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '批准' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe(`/api/invitations/${r.id}/leave-decision`);
    expect(jsonBody(post.init)).toEqual({ approve: true, comment: null });
    expect(await screen.findByText('已批准李委员的请假')).toBeInTheDocument();
  });

  it('refuses only with a comment: nothing is sent without one', async () => {
    const r = request('王委员', '身体不适');
    const { calls } = setup([r]);
    renderPage(<LeaveRequestsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '不批准王委员的请假' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '不批准' }));
    expect(await within(dialog).findByText('不批准时请填写审批意见')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await fillIn(within(dialog).getByLabelText(/审批意见/), '本次会议须全体出席');
    await userEvent.click(within(dialog).getByRole('button', { name: '不批准' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(jsonBody(calls.find((c) => c.method === 'POST')!.init)).toEqual({ approve: false, comment: '本次会议须全体出席' });
  });

  it('shows an empty state', async () => {
    setup([]);
    renderPage(<LeaveRequestsPage />);
    expect(await screen.findByText('暂无待审批的请假申请')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: '已审批' }));
    expect(await screen.findByText('暂无已审批的请假申请')).toBeInTheDocument();
  });
});
