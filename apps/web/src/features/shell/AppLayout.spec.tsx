import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { routes } from '../../routes';
import { renderRoutes, stubFetch } from '../../test/render';

const base = {
  id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  email: 'wang@example.org',
  name: '王主任',
  isStandingCommittee: false,
  sectorId: null,
  committeeId: null,
  departmentId: null,
  locale: 'zh-CN',
};
const member = {
  id: '9a1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  email: '',
  name: '李委员',
  roles: ['member'],
  isStandingCommittee: true,
  sectorId: null,
  sectorName: '经济界',
  committeeId: null,
  committeeName: '经济委员会',
  departmentId: null,
  departmentName: null,
  phone: null,
  affiliation: null,
  active: true,
  locale: 'zh-CN',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const page = { items: [member], total: 1, page: 1, pageSize: 20 };

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
  localStorage.clear();
});

describe('app shell', () => {
  it('sends a logged-out visitor to the login page', async () => {
    stubFetch({ 'GET /api/auth/me': () => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } }) });
    const { router } = renderRoutes(routes, '/directory');
    expect(await screen.findByLabelText(/邮箱/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/directory' });
  });

  it('shows a member the directory but not the admin section', async () => {
    stubFetch({
      'GET /api/auth/me': () => ({ body: { ...base, roles: ['member'] } }),
      'GET /api/members': () => ({ body: page }),
      'GET /api/org/sectors': () => ({ body: [] }),
      'GET /api/org/committees': () => ({ body: [] }),
    });
    renderRoutes(routes, '/directory');
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '委员名录' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).queryByText('管理')).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: '委员管理' })).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toHaveAttribute('href', '#main');
    const row = (await screen.findByRole('button', { name: '李委员' })).closest('tr')!;
    expect(within(row).getByText('常委')).toBeInTheDocument();
    expect(within(row).getByText('委员')).toBeInTheDocument();
    // no contact details were sent, so no contact columns
    expect(screen.queryByRole('columnheader', { name: '电话' })).not.toBeInTheDocument();
  });

  it('shows an admin every admin entry, and switches to English', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: { ...base, roles: ['admin'] } }),
      'PATCH /api/auth/me/preferences': () => ({ body: { ...base, roles: ['admin'], locale: 'en' } }),
    });
    renderRoutes(routes, '/');
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    for (const name of ['首页', '委员名录', '委员管理', '界别', '专委会', '承办单位', '操作日志']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '语言' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Directory' })).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(JSON.parse(String(patch.init.body))).toEqual({ locale: 'en' });
  });
});
