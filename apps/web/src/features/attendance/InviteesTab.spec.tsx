import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubFetch } from '../../test/render';
import { InviteesTab } from './InviteesTab';
import { MEETING_ID, invitation, meeting, sessionUser, settings } from './testData';

const li = invitation({ name: '李委员', state: 'accepted' });
const wang = invitation({ name: '王委员', sectorName: '教育界', state: 'leave_requested', leaveReason: '赴外地参加培训' });
const zhao = invitation({ name: '赵委员', state: 'checked_in', checkInMode: 'room', checkedInAt: '2026-12-10T06:21:00.000Z' });

function setup(roles: Parameters<typeof sessionUser>[0]) {
  let rows = [li, wang, zhao];
  return stubFetch({
    'GET /api/auth/me': () => ({ body: sessionUser(roles) }),
    'GET /api/settings': () => ({ body: settings }),
    [`GET /api/meetings/${MEETING_ID}/invitations`]: () => ({ body: rows }),
    [`POST /api/meetings/${MEETING_ID}/invitations/${li.id}/check-in`]: () => {
      const done = { ...li, state: 'checked_in' as const, checkInMode: 'staff' as const, checkedInAt: '2026-12-10T06:25:00.000Z' };
      rows = rows.map((r) => (r.id === li.id ? done : r));
      return { body: done };
    },
  });
}

const count = (label: string) => within(screen.getByRole('list', { name: '参会情况统计' })).getByText(label).previousElementSibling?.textContent;

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);

describe('InviteesTab', () => {
  it('counts replies, and the office checks a member in by hand', async () => {
    const { calls } = setup(['admin']);
    renderPage(<InviteesTab meeting={meeting({ state: 'live' })} />);
    expect(await screen.findByRole('rowheader', { name: '李委员' })).toBeInTheDocument();
    expect(count('应邀人数')).toBe('3');
    expect(count('已签到')).toBe('1');
    expect(screen.getByText('赴外地参加培训')).toBeInTheDocument();
    expect(screen.getByText('现场 · 14:21')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '为李委员代为签到' }));
    await waitFor(() => expect(count('已签到')).toBe('2'));
    expect(screen.getByText('工作人员代签 · 14:25')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/meetings/${MEETING_ID}/invitations/${li.id}/check-in`]);
    expect(screen.getByRole('group', { name: '导出出勤表' })).toBeInTheDocument();
  });

  it('filters by state and searches by name or sector', async () => {
    setup(['admin']);
    renderPage(<InviteesTab meeting={meeting()} />);
    await screen.findByRole('rowheader', { name: '李委员' });
    await userEvent.type(screen.getByRole('searchbox', { name: '查找' }), '教育');
    expect(screen.queryByRole('rowheader', { name: '李委员' })).not.toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '王委员' })).toBeInTheDocument();
  });

  it('a member sees the list without staff actions', async () => {
    setup(['member']);
    renderPage(<InviteesTab meeting={meeting()} />);
    await screen.findByRole('rowheader', { name: '李委员' });
    expect(screen.queryByRole('button', { name: /代为签到/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '导出出勤表' })).not.toBeInTheDocument();
  });
});
