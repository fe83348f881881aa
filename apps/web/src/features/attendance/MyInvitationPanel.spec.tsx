import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubFetch } from '../../test/render';
import { MyInvitationPanel } from './MyInvitationPanel';
import { MEETING_ID, fillIn, invitation, jsonBody, meeting, sessionUser, settings } from './testData';

const base = {
  'GET /api/auth/me': () => ({ body: sessionUser(['member']) }),
  'GET /api/settings': () => ({ body: settings }),
};

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);

describe('MyInvitationPanel', () => {
  it('does not send a leave request without a reason, and sends the reason once given', async () => {
    let mine = invitation({ state: 'accepted' });
    const { calls } = stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: mine }),
      [`POST /api/meetings/${MEETING_ID}/invitation`]: (_url, init) => {
        mine = { ...mine, state: 'leave_requested', leaveReason: (jsonBody(init) as { reason: string }).reason };
        return { body: mine };
      },
    });
    renderPage(<MyInvitationPanel meeting={meeting({ myInvitationState: 'accepted' })} />);

    expect(await screen.findByText('您已确认参加本次会议')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '请假' }));
    const dialog = await screen.findByRole('dialog', { name: '请假申请' });
    await userEvent.click(within(dialog).getByRole('button', { name: '提交请假申请' }));
    expect(await within(dialog).findByText('请填写请假事由')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await fillIn(within(dialog).getByLabelText(/请假事由/), '  外出调研  ');
    await userEvent.click(within(dialog).getByRole('button', { name: '提交请假申请' }));
    expect(await screen.findByText('您的请假申请正在等待审批')).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => jsonBody(c.init))).toEqual([{ action: 'request_leave', reason: '外出调研' }]);
  });

  it('offers only the replies the invitation machine allows and shows the decision with its comment', async () => {
    stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({
        body: invitation({ state: 'leave_rejected', leaveReason: '家中有事', leaveComment: '本次会议须全体出席', leaveDecidedByName: '张主席', leaveDecidedAt: '2026-12-01T02:00:00.000Z' }),
      }),
    });
    renderPage(<MyInvitationPanel meeting={meeting({ myInvitationState: 'leave_rejected' })} />);

    expect(await screen.findByText('您的请假未获批准，请按时参加会议')).toBeInTheDocument();
    expect(screen.getByText(/张主席 已于 2026年12月1日 10:00 不予批准/)).toBeInTheDocument();
    expect(screen.getByText('审批意见：本次会议须全体出席')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认参加' })).toBeInTheDocument();
    // leave_rejected → neither decline nor a second request (libs/domain invitation machine)
    expect(screen.queryByRole('button', { name: '不参加' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '请假' })).not.toBeInTheDocument();
  });

  it('shows the reply deadline and translates an error code from the api', async () => {
    stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation() }),
      [`POST /api/meetings/${MEETING_ID}/invitation`]: () => ({ status: 409, body: { error: { code: 'MEETING_LOCKED', message: 'x', params: { state: '已结束' } } } }),
    });
    renderPage(<MyInvitationPanel meeting={meeting({ replyDeadline: '2099-12-05T10:00:00.000Z' })} />);

    expect(await screen.findByText('请于 2099年12月5日 18:00 前回复')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '确认参加' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('会议已处于“已结束”状态，无法再修改');
  });

  it('after the reply deadline only asking for leave remains, until the meeting starts', async () => {
    stubFetch({ ...base, [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation() }) });
    renderPage(<MyInvitationPanel meeting={meeting({ replyDeadline: '2020-12-05T10:00:00.000Z' })} />);
    expect(await screen.findByText('回复已于 2020年12月5日 18:00 截止；会议开始前仍可请假')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '请假' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认参加' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '不参加' })).not.toBeInTheDocument();
  });

  it('says how the invitee checked in', async () => {
    stubFetch({
      ...base,
      [`GET /api/meetings/${MEETING_ID}/invitation`]: () => ({ body: invitation({ state: 'checked_in', checkInMode: 'room', checkedInAt: '2026-12-10T06:21:00.000Z' }) }),
    });
    renderPage(<MyInvitationPanel meeting={meeting({ myInvitationState: 'checked_in', state: 'live' })} />);
    expect(await screen.findByText('已签到（现场），签到时间 2026年12月10日 14:21')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('renders nothing for someone who is not invited', () => {
    const { calls } = stubFetch(base);
    renderPage(<MyInvitationPanel meeting={meeting({ myInvitationState: null })} />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.url.includes('/invitation'))).toEqual([]);
  });
});
