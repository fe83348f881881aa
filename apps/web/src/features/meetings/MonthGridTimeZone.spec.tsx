import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubFetch } from '../../test/render';
import { MEMBER_USER, OFFICE_USER, SETTINGS, SPECIAL_CONSULTATION, page, summary } from './meetingFixtures';
import { MeetingsPage } from './MeetingsPage';
import { renderAt } from './renderAt';

// The grid is heavy for jsdom on a busy machine; give queries time.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const listCalls = (calls: { method: string; url: string }[]) => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/meetings?')).map((c) => new URL(c.url, 'http://x').searchParams);

function stub(user = OFFICE_USER, items = [summary()]) {
  return stubFetch({
    'GET /api/auth/me': () => ({ body: user }),
    'GET /api/settings': () => ({ body: SETTINGS }),
    'GET /api/meeting-types': () => ({ body: [SPECIAL_CONSULTATION] }),
    'GET /api/meetings': () => ({ body: page(items) }),
  });
}

describe('meetings calendar in the organisation time zone', () => {
  it('puts a 17:00 UTC start on the next day in Asia/Shanghai (month grid)', async () => {
    const { calls } = stub();
    renderAt(<MeetingsPage />, '/meetings?view=month&date=2026-11-23');
    const chip = await screen.findByRole('link', { name: /优化营商环境专题协商会/ });
    expect(chip.closest('td')).toHaveAttribute('data-day', '2026-11-24');
    expect(within(chip).getByText('01:00')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2026年11月' })).toBeInTheDocument();
    // The grid's range is Monday Oct 26 to Sunday Dec 6, midnight to midnight in Shanghai.
    const q = listCalls(calls).at(-1)!;
    expect(q.get('from')).toBe('2026-10-25T16:00:00.000Z');
    expect(q.get('to')).toBe('2026-12-06T16:00:00.000Z');
    expect(q.get('mine')).toBe('false');
  });

  it('shows "+N more" when a day is crowded and lists them all on demand', async () => {
    const items = [0, 1, 2, 3].map((i) =>
      summary({ id: `7a6b5c4d-4444-4c1d-8e9f-0a1b2c3d4e1${i}`, title: `会议${i + 1}`, startsAt: `2026-11-24T0${i}:00:00.000Z`, endsAt: `2026-11-24T0${i}:30:00.000Z` }),
    );
    stub(OFFICE_USER, items);
    renderAt(<MeetingsPage />, '/meetings?view=month&date=2026-11-23');
    const more = await screen.findByRole('button', { name: /还有 2 个会议/ });
    expect(screen.getAllByTestId('meeting-chip')).toHaveLength(2);
    await userEvent.click(more);
    expect(await screen.findByRole('link', { name: /会议4/ })).toBeInTheDocument();
  });

  it('places the meeting in the week view by its Shanghai time', async () => {
    // 02:00–04:00 UTC is 10:00–12:00 in Shanghai: two hours below the 08:00 top of the axis.
    stub(OFFICE_USER, [summary({ startsAt: '2026-11-24T02:00:00.000Z', endsAt: '2026-11-24T04:00:00.000Z' })]);
    renderAt(<MeetingsPage />, '/meetings?view=week&date=2026-11-24');
    const block = await screen.findByRole('link', { name: /优化营商环境专题协商会/ });
    expect(block.closest('[data-day]')).toHaveAttribute('data-day', '2026-11-24');
    expect(block).toHaveStyle({ top: '96px', height: '96px' });
    expect(within(block).getByText('10:00')).toBeInTheDocument();
  });

  it('gives a member only their own meetings in the list by default, and keeps the switch in the URL', async () => {
    const { calls } = stub(MEMBER_USER, [summary({ myInvitationState: 'accepted' })]);
    const { router } = renderAt(<MeetingsPage />, '/meetings?view=list');
    expect(await screen.findByText('我已确认参加')).toBeInTheDocument();
    expect(listCalls(calls).at(-1)!.get('mine')).toBe('true');
    expect(screen.queryByRole('link', { name: '安排会议' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: '月' }));
    expect(router.state.location.search).toContain('view=month');
  });
});
