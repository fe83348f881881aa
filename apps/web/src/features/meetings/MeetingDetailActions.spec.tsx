import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Meeting } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { MeetingDetailPage } from './MeetingDetailPage';
import { MEETING_ID, OFFICE_USER, MEMBER_USER, SETTINGS, meeting } from './meetingFixtures';
import { renderAt } from './renderAt';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

function stub(user: typeof OFFICE_USER, initial: Meeting, onTransition?: (body: unknown) => Meeting) {
  let current = initial;
  return stubFetch({
    'GET /api/auth/me': () => ({ body: user }),
    'GET /api/settings': () => ({ body: SETTINGS }),
    [`GET /api/meetings/${MEETING_ID}`]: () => ({ body: current }),
    // what the invitees tab (another feature) asks for
    [`GET /api/meetings/${MEETING_ID}/invitations`]: () => ({ body: [] }),
    [`POST /api/meetings/${MEETING_ID}/transition`]: (_url, init) => {
      current = onTransition!(JSON.parse(String(init.body)));
      return { body: current };
    },
  });
}

const open = () => renderAt([{ path: '/meetings/:id', element: <MeetingDetailPage /> }], `/meetings/${MEETING_ID}`);

describe('meeting page actions', () => {
  it('offers only the actions the server allows, and sends the cancel reason', async () => {
    const sent: unknown[] = [];
    const { calls } = stub(OFFICE_USER, meeting({ state: 'preparing', allowedActions: ['notify', 'cancel'] }), (body) => {
      sent.push(body);
      return meeting({ state: 'cancelled', allowedActions: [], cancelReason: '与全市防汛工作冲突，另行通知' });
    });
    open();
    const toolbar = await screen.findByRole('toolbar', { name: '会议操作' });
    expect(within(toolbar).getByRole('button', { name: '发出会议通知' })).toBeInTheDocument();
    expect(within(toolbar).queryByRole('button', { name: '开始会议' })).not.toBeInTheDocument();
    expect(within(toolbar).queryByRole('button', { name: '结束会议' })).not.toBeInTheDocument();
    expect(within(toolbar).getByRole('link', { name: /编辑/ })).toHaveAttribute('href', `/meetings/${MEETING_ID}/edit`);

    await userEvent.click(within(toolbar).getByRole('button', { name: '取消会议' }));
    const dialog = await screen.findByRole('dialog', { name: '取消会议' });
    // No reason, no request.
    await userEvent.click(within(dialog).getByRole('button', { name: '取消会议' }));
    expect(await within(dialog).findByText('请填写取消原因')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await userEvent.click(within(dialog).getByRole('textbox', { name: /取消原因/ }));
    await userEvent.paste('与全市防汛工作冲突，另行通知');
    await userEvent.click(within(dialog).getByRole('button', { name: '取消会议' }));
    await waitFor(() => expect(sent).toEqual([{ action: 'cancel', reason: '与全市防汛工作冲突，另行通知' }]));
    expect(await screen.findByText('会议已取消')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发出会议通知' })).not.toBeInTheDocument();
  });

  it('shows a member no office actions, and the way into the live session once notified', async () => {
    stub(MEMBER_USER, meeting({ state: 'notified', allowedActions: [] }));
    open();
    const toolbar = await screen.findByRole('toolbar', { name: '会议操作' });
    expect(within(toolbar).getByRole('link', { name: '进入会议' })).toHaveAttribute('href', `/meetings/${MEETING_ID}/live`);
    expect(within(toolbar).queryByRole('link', { name: '主持台' })).not.toBeInTheDocument();
    expect(within(toolbar).queryByRole('link', { name: /编辑/ })).not.toBeInTheDocument();
    expect(within(toolbar).getAllByRole('button').map((b) => b.textContent)).toEqual(['下载日历文件（.ics）']);
  });
});
