import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../../Providers';
import { stubFetch } from '../../test/render';
import { CheckInPage } from './CheckInPage';
import { MEETING_ID, invitation, jsonBody, meeting, sessionUser, settings } from './testData';

/** The page as the QR code opens it: the code in the query string (renderRoutes takes a bare path). */
function openCheckInUrl(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path: '/meetings/:id/check-in', element: <CheckInPage /> }], { initialEntries: [url] });
  return render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

const base = {
  'GET /api/auth/me': () => ({ body: sessionUser(['member']) }),
  'GET /api/settings': () => ({ body: settings }),
  [`GET /api/meetings/${MEETING_ID}`]: () => ({ body: meeting({ state: 'live' }) }),
};
const checkInUrl = `/api/meetings/${MEETING_ID}/check-in`;

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);

describe('CheckInPage', () => {
  it('posts the code from the URL at once and says so, big and clear', async () => {
    const { calls } = stubFetch({
      ...base,
      [`POST ${checkInUrl}`]: () => ({ body: invitation({ state: 'checked_in', checkInMode: 'room', checkedInAt: '2026-12-10T06:21:00.000Z' }) }),
    });
    openCheckInUrl(`/meetings/${MEETING_ID}/check-in?code=K7Q2ZP`);

    expect(await screen.findByRole('heading', { name: '签到成功' })).toBeInTheDocument();
    expect(screen.getByText('签到时间 2026年12月10日 14:21（现场）')).toBeInTheDocument();
    expect(await screen.findAllByText('关于优化营商环境的专题协商会')).not.toHaveLength(0);
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].url).toBe(checkInUrl);
    expect(jsonBody(posts[0].init)).toEqual({ token: 'K7Q2ZP' });
  });

  it('asks to scan again when the code has expired, and checks in with a typed code', async () => {
    const { calls } = stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation({ state: 'accepted' }) }),
      [`POST ${checkInUrl}`]: (_url, init) =>
        (jsonBody(init) as { token: string }).token === 'OLD123'
          ? { status: 400, body: { error: { code: 'CHECK_IN_CODE_INVALID', message: 'expired' } } }
          : { body: invitation({ state: 'checked_in', checkInMode: 'room', checkedInAt: '2026-12-10T06:22:00.000Z' }) },
    });
    openCheckInUrl(`/meetings/${MEETING_ID}/check-in?code=OLD123`);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('签到码已过期');
    expect(alert).toHaveTextContent('请重新扫描屏幕上的二维码');

    await userEvent.type(screen.getByLabelText('签到码'), 'NEW456');
    await userEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByRole('heading', { name: '签到成功' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => jsonBody(c.init))).toEqual([{ token: 'OLD123' }, { token: 'NEW456' }]);
  });

  it('explains a refusal for someone not invited', async () => {
    stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ status: 403, body: { error: { code: 'NOT_INVITED', message: 'x' } } }),
      [`POST ${checkInUrl}`]: () => ({ status: 403, body: { error: { code: 'NOT_INVITED', message: 'x' } } }),
    });
    openCheckInUrl(`/meetings/${MEETING_ID}/check-in?code=K7Q2ZP`);
    expect(await screen.findByRole('alert')).toHaveTextContent('您不在本次会议的邀请名单中');
  });

  it('tells when check-in opens when it is not open yet', async () => {
    stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation({ state: 'accepted' }) }),
      [`POST ${checkInUrl}`]: () => ({
        status: 409,
        body: { error: { code: 'CHECK_IN_NOT_OPEN', message: 'x', params: { state: 'notified', opensAt: '2099-12-10T04:30:00.000Z', closesAt: '2099-12-10T09:00:00.000Z' } } },
      }),
    });
    openCheckInUrl(`/meetings/${MEETING_ID}/check-in?code=K7Q2ZP`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('现在不在签到时间内');
    expect(alert).toHaveTextContent('签到时间：2099年12月10日 12:30 至 2099年12月10日 17:00');
  });

  it('a reload with the old code shows that the member is already checked in', async () => {
    stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation({ state: 'checked_in', checkInMode: 'room', checkedInAt: '2026-12-10T06:21:00.000Z' }) }),
      [`POST ${checkInUrl}`]: () => ({ status: 400, body: { error: { code: 'CHECK_IN_CODE_INVALID', message: 'expired' } } }),
    });
    openCheckInUrl(`/meetings/${MEETING_ID}/check-in?code=OLD123`);
    expect(await screen.findByRole('heading', { name: '您已签到' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('without a code, asks to scan and offers the manual code field', async () => {
    const { calls } = stubFetch({ ...base, [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation({ state: 'accepted' }) }) });
    openCheckInUrl(`/meetings/${MEETING_ID}/check-in`);
    expect(await screen.findByText('请扫描会场屏幕上的二维码签到')).toBeInTheDocument();
    expect(screen.getByLabelText('签到码')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
