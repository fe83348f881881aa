import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { renderRoutes, stubFetch } from '../../test/render';
import { LoginPage } from './LoginPage';

const USER = {
  id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  email: 'chen@example.org',
  name: '陈委员',
  roles: ['member'],
  isStandingCommittee: false,
  sectorId: null,
  committeeId: null,
  departmentId: null,
  locale: 'zh-CN',
};
const loggedOut = () => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Please log in' } } });

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/directory', element: <p>directory page</p> },
  { path: '/', element: <p>home page</p> },
];

async function fillAndSubmit(email = 'chen@example.org', password = 'secret-password') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/邮箱/), email);
  await user.type(screen.getByLabelText(/密码/), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
}

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('LoginPage', () => {
  it('shows the translated INVALID_CREDENTIALS error', async () => {
    stubFetch({
      'GET /api/auth/me': loggedOut,
      'POST /api/auth/login': () => ({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' } } }),
    });
    renderRoutes(routes, '/login');
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('邮箱或密码不正确');
  });

  it('shows RATE_LIMITED with the seconds to wait', async () => {
    stubFetch({
      'GET /api/auth/me': loggedOut,
      'POST /api/auth/login': () => ({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x', params: { retryAfterSeconds: 42 } } } }),
    });
    renderRoutes(routes, '/login');
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('请 42 秒后再试');
  });

  it('puts a validation issue under its field', async () => {
    stubFetch({
      'GET /api/auth/me': loggedOut,
      'POST /api/auth/login': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'x', details: [{ path: 'body.email', code: 'invalid_format', message: 'Invalid email' }] } },
      }),
    });
    renderRoutes(routes, '/login');
    await fillAndSubmit('not-an-email');
    const email = screen.getByLabelText(/邮箱/);
    await waitFor(() => expect(email).toHaveAccessibleDescription('邮箱格式不正确'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
  });

  it('logs in and returns to the page the user came from', async () => {
    const { calls } = stubFetch({ 'GET /api/auth/me': loggedOut, 'POST /api/auth/login': () => ({ body: USER }) });
    const { router } = renderRoutes(routes, '/login', { from: '/directory' });
    await fillAndSubmit();
    expect(await screen.findByText('directory page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/directory');
    expect(JSON.parse(String(calls.find((c) => c.method === 'POST')!.init.body))).toEqual({ email: 'chen@example.org', password: 'secret-password' });
  });

  it('is labelled in English after switching the language', async () => {
    stubFetch({ 'GET /api/auth/me': loggedOut });
    renderRoutes(routes, '/login');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '语言' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByLabelText(/Email/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Password/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Language' })).toBeInTheDocument();
    expect(localStorage.getItem('xs_locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
