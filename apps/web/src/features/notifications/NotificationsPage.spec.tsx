import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Notification } from '@xieshang/contracts';
import { renderRoutes, stubFetch } from '../../test/render';
import { NotificationsPage } from './NotificationsPage';
import { notification } from './test/fakeSystemSocket';

const MEETING = '5b0c6a52-8a3f-4d7e-9a41-2f1c0d9e8b7a';

function server(all: Notification[]) {
  let items = [...all];
  return stubFetch({
    'GET /api/notifications': (url) => {
      const q = new URL(url, 'http://x').searchParams;
      const page = Number(q.get('page') ?? 1);
      const size = Number(q.get('pageSize') ?? 50);
      const list = q.get('unread') === 'true' ? items.filter((n) => !n.readAt) : items;
      return { body: { items: list.slice((page - 1) * size, page * size), total: list.length, unread: items.filter((n) => !n.readAt).length, page, pageSize: size } };
    },
    'POST /api/notifications/read': (_url, init) => {
      const body = JSON.parse(String(init.body));
      items = items.map((n) => (body.all || body.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? new Date().toISOString() } : n));
      return { body: { ok: true } };
    },
  });
}

function renderNotifications() {
  return renderRoutes(
    [
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/leave-requests', element: <p>请假审批页</p> },
    ],
    '/notifications',
  );
}

describe('notifications page', () => {
  it('lists every kind in words, newest first, and filters unread ones through the URL', async () => {
    server([
      notification({ kind: 'meeting_cancelled', params: { title: '对口协商', reason: '时间冲突' } }),
      notification({ kind: 'speech_reviewed', params: { title: '关于社区养老的建议', state: 'oral', meetingTitle: '全体会议' }, readAt: '2026-11-20T00:00:00.000Z' }),
      notification({ kind: 'leave_requested', params: { title: '全体会议', name: '王委员' }, link: '/leave-requests' }),
      notification({ kind: 'leave_decided', params: { title: '常委会议', approved: false } }),
      notification({ kind: 'materials_added', params: { title: '专题协商会', fileName: '调研报告.pdf' }, meetingId: MEETING }),
    ]);
    const user = userEvent.setup();
    const { router } = renderNotifications();
    const list = await screen.findByRole('list');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent('“对口协商”已取消');
    expect(rows[0]).toHaveTextContent('原因：时间冲突');
    expect(rows[1]).toHaveTextContent('发言材料“关于社区养老的建议”：已安排大会口头发言');
    expect(rows[1]).toHaveTextContent('会议：全体会议');
    expect(rows[2]).toHaveTextContent('王委员申请请假，不能出席“全体会议”');
    expect(rows[3]).toHaveTextContent('您“常委会议”的请假申请未获批准，请按时出席');
    expect(rows[4]).toHaveTextContent('材料：调研报告.pdf');
    expect(rows[0]).toHaveTextContent('刚刚');

    await user.click(screen.getByRole('radio', { name: '未读 (4)' }));
    await waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(4));
    expect(router.state.location.search).toBe('?filter=unread');
  });

  it('opens a notification: marks it read and follows its link', async () => {
    const leave = notification({ kind: 'leave_requested', params: { title: '全体会议', name: '王委员' }, link: '/leave-requests' });
    const { calls } = server([leave]);
    const user = userEvent.setup();
    const { router } = renderNotifications();
    await user.click(await screen.findByRole('button', { name: /王委员申请请假/ }));
    expect(await screen.findByText('请假审批页')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/leave-requests');
    const read = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(String(read.init.body))).toEqual({ ids: [leave.id] });
  });

  it('marks all read and shows the empty unread view', async () => {
    server([notification(), notification({ kind: 'reminder_24h', params: { title: '座谈会', startsAt: '2026-12-01T06:30:00.000Z' } })]);
    const user = userEvent.setup();
    renderNotifications();
    await user.click(await screen.findByRole('radio', { name: '未读 (2)' }));
    expect(await screen.findAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: '全部标为已读' }));
    expect(await screen.findByText('没有未读通知')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '全部标为已读' })).toBeDisabled();
  });

  it('pages through long lists', async () => {
    server(Array.from({ length: 25 }, (_, i) => notification({ params: { title: `会议${i + 1}` } })));
    const user = userEvent.setup();
    const { router } = renderNotifications();
    expect(await screen.findAllByRole('listitem')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: '第 2 页' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByText('共 25 条')).toBeInTheDocument();
  });
});
