import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Notification, SessionUser } from '@xieshang/contracts';
import { renderRoutes, stubFetch } from '../../test/render';
import { NotificationBell } from './NotificationBell';
import { FakeSystemSocket, notification } from './test/fakeSystemSocket';

// The socket layer is faked at the component boundary; the API's integration tests use real sockets.
const mockSockets: FakeSystemSocket[] = [];
jest.mock('../../lib/socket', () => ({
  connectNamespace: (namespace: string) => {
    const { FakeSystemSocket: Fake } = jest.requireActual('./test/fakeSystemSocket');
    const s = new Fake(namespace);
    mockSockets.push(s);
    return s;
  },
}));

const user: SessionUser = {
  id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', email: 'li@example.org', name: '李委员', roles: ['member'], isStandingCommittee: false,
  sectorId: null, committeeId: null, departmentId: null, locale: 'zh-CN',
} as SessionUser;

/** A server that remembers read marks, like the real one. */
function fakeServer(initial: Notification[]) {
  let items = [...initial];
  const page = () => ({ items: items.slice(0, 10), total: items.length, unread: items.filter((n) => !n.readAt).length, page: 1, pageSize: 10 });
  const stub = stubFetch({
    'GET /api/notifications': () => ({ body: page() }),
    'GET /api/settings': () => ({ body: { timeZone: 'Asia/Shanghai', jitsiBaseUrl: null, holidays: [], makeupWorkdays: [], emailEnabled: false } }),
    'POST /api/notifications/read': (_url, init) => {
      const body = JSON.parse(String(init.body));
      const at = new Date().toISOString();
      items = items.map((n) => (body.all || body.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? at } : n));
      return { body: { ok: true } };
    },
  });
  return { ...stub, add: (n: Notification) => (items = [n, ...items]) };
}

function renderBell() {
  return renderRoutes([
    { path: '/', element: <NotificationBell user={user} /> },
    { path: '/meetings/:id', element: <p>会议详情页</p> },
    { path: '/notifications', element: <p>全部通知页</p> },
  ]);
}

const socket = () => mockSockets[mockSockets.length - 1];

beforeEach(() => {
  mockSockets.length = 0;
});

describe('notification bell', () => {
  it('shows the unread count and updates it, with a toast, when a notification is pushed', async () => {
    const server = fakeServer([notification({ params: { title: '常委会议' } }), notification({ readAt: '2026-11-01T00:00:00.000Z' })]);
    renderBell();
    expect(await screen.findByRole('button', { name: '通知，1 条未读' })).toBeInTheDocument();
    expect(socket().namespace).toBe('/system');
    act(() => socket().serverConnect());

    const pushed = notification({ kind: 'leave_decided', params: { title: '全体会议', approved: true } });
    server.add(pushed);
    act(() => socket().serverPush(pushed));
    expect(await screen.findByRole('button', { name: '通知，2 条未读' })).toBeInTheDocument();
    expect(await screen.findByText('新通知')).toBeInTheDocument();
    expect(screen.getAllByText('您“全体会议”的请假申请已批准').length).toBeGreaterThan(0);

    await userEvent.setup().click(screen.getByRole('button', { name: '通知，2 条未读' }));
    const list = await screen.findByRole('dialog', { name: '最新通知' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('您“全体会议”的请假申请已批准');
    expect(items[1]).toHaveTextContent('您受邀参加“常委会议”');
  });

  it('marks everything read, and opens a notification at its link', async () => {
    const invite = notification({ params: { title: '专题协商会', startsAt: '2026-12-01T06:30:00.000Z', venue: '政协二楼会议室' } });
    const server = fakeServer([invite, notification({ kind: 'reminder_1h', params: { title: '座谈会' } })]);
    const { router } = renderBell();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: '通知，2 条未读' }));
    const list = await screen.findByRole('dialog', { name: '最新通知' });
    // details in the organisation's time zone (UTC+8)
    expect(within(list).getByText(/时间：2026年12月1日.*14:30/)).toBeInTheDocument();
    expect(within(list).getByText('地点：政协二楼会议室')).toBeInTheDocument();

    await u.click(within(list).getByRole('button', { name: '全部标为已读' }));
    expect(await screen.findByRole('button', { name: '通知' })).toBeInTheDocument();
    const read = server.calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(String(read.init.body))).toEqual({ all: true });

    await u.click(within(await screen.findByRole('dialog', { name: '最新通知' })).getByRole('button', { name: /您受邀参加“专题协商会”/ }));
    expect(await screen.findByText('会议详情页')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(invite.link);
  });

  it('refetches after a reconnect, since pushes sent while offline are not replayed', async () => {
    const server = fakeServer([]);
    renderBell();
    expect(await screen.findByRole('button', { name: '通知' })).toBeInTheDocument();
    act(() => socket().serverConnect());
    const before = server.calls.filter((c) => c.url.startsWith('/api/notifications')).length;
    server.add(notification({ kind: 'materials_added', params: { title: '专题协商会', fileName: '调研报告.pdf' } }));
    act(() => socket().serverConnect());
    expect(await screen.findByRole('button', { name: '通知，1 条未读' })).toBeInTheDocument();
    await waitFor(() => expect(server.calls.filter((c) => c.url.startsWith('/api/notifications')).length).toBeGreaterThan(before));
  });

  it('closes its socket when the user leaves', async () => {
    fakeServer([]);
    const { unmount } = renderBell();
    await screen.findByRole('button', { name: '通知' });
    const s = socket();
    unmount();
    expect(s.disconnected).toBe(true);
  });
});
