import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MeetingInput } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { MeetingFormPage } from './MeetingFormPage';
import { MEETING_ID, OFFICE_USER, SETTINGS, SPECIAL_CONSULTATION, meeting, page } from './meetingFixtures';
import { renderAt } from './renderAt';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const CHAIR = { ...OFFICE_USER, id: '0b7f8a10-9999-4c1d-8e9f-0a1b2c3d4e09', name: '王主席', roles: ['chair'], sectorName: null, committeeName: null, departmentName: null, phone: null, affiliation: null, active: true, createdAt: '2026-01-01T00:00:00.000Z' };

function stub(save: () => { status?: number; body?: unknown }) {
  return stubFetch({
    'GET /api/auth/me': () => ({ body: OFFICE_USER }),
    'GET /api/settings': () => ({ body: SETTINGS }),
    'GET /api/meeting-types': () => ({ body: [SPECIAL_CONSULTATION] }),
    'GET /api/members': () => ({ body: page([CHAIR]) }),
    'GET /api/org/sectors': () => ({ body: [] }),
    'GET /api/org/committees': () => ({ body: [] }),
    'GET /api/org/departments': () => ({ body: [] }),
    'POST /api/meetings/check': () => ({ body: { warnings: [{ rule: 'notice_period', params: { required: 15, actual: 9 } }] } }),
    'POST /api/meetings': save,
  });
}

const routes = [
  { path: '/meetings/new', element: <MeetingFormPage /> },
  { path: '/meetings/:id', element: <p>会议详情页</p> },
];

async function fillRequired() {
  await userEvent.click(await screen.findByRole('combobox', { name: /会议类型/ }));
  await userEvent.click(await screen.findByRole('option', { name: '专题协商会', hidden: true }));
  await userEvent.click(screen.getByRole('textbox', { name: /会议名称/ }));
  await userEvent.paste('优化营商环境专题协商会');
}

const bodies = (calls: { method: string; url: string; init: RequestInit }[], url: string) =>
  calls.filter((c) => c.method === 'POST' && c.url === url).map((c) => JSON.parse(String(c.init.body)) as unknown);

describe('scheduling a meeting', () => {
  it('names the broken rule from /meetings/check and sends a body that parses as MeetingInput', async () => {
    const { calls } = stub(() => ({ body: meeting() }));
    const { router } = renderAt(routes, '/meetings/new?date=2026-12-10');
    await fillRequired();
    // The type brings its rules and its default agenda.
    expect(screen.getByTestId('type-defaults')).toHaveTextContent('提前 15 个工作日通知');
    expect(screen.getByRole('textbox', { name: '第 1 项议程名称' })).toHaveValue('情况通报');

    expect(await screen.findByText('通知时间不足：该类型要求提前15个工作日，实际9个工作日')).toBeInTheDocument();
    const checked = bodies(calls, '/api/meetings/check');
    expect(checked.length).toBeGreaterThan(0);
    expect(MeetingInput.safeParse(checked.at(-1)).success).toBe(true);

    // Warnings inform; saving still goes through.
    await userEvent.click(screen.getByRole('button', { name: '保存并创建' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/meetings/${MEETING_ID}`));
    const [sent] = bodies(calls, '/api/meetings');
    const parsed = MeetingInput.safeParse(sent);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      typeId: SPECIAL_CONSULTATION.id,
      title: '优化营商环境专题协商会',
      // 09:00–11:30 on Dec 10 in Shanghai
      startsAt: '2026-12-10T01:00:00.000Z',
      endsAt: '2026-12-10T03:30:00.000Z',
      agenda: [
        { title: '情况通报', kind: 'briefing' },
        { title: '交流发言', kind: 'arranged_speeches' },
      ],
    });
  });

  it('schedules a meeting for an annual-plan item: type, title and agenda prefilled, the link sent', async () => {
    const { calls } = stub(() => ({ body: meeting() }));
    const planItemId = '5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
    const { router } = renderAt(routes, `/meetings/new?date=2026-12-10&planItemId=${planItemId}&typeId=${SPECIAL_CONSULTATION.id}&title=${encodeURIComponent('推进老旧小区加装电梯')}`);
    expect(await screen.findByRole('textbox', { name: /会议名称/ })).toHaveValue('推进老旧小区加装电梯');
    expect(screen.getByRole('textbox', { name: '第 1 项议程名称' })).toHaveValue('情况通报');
    await userEvent.click(screen.getByRole('button', { name: '保存并创建' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/meetings/${MEETING_ID}`));
    const [sent] = bodies(calls, '/api/meetings');
    expect(MeetingInput.parse(sent)).toMatchObject({ planItemId, typeId: SPECIAL_CONSULTATION.id, title: '推进老旧小区加装电梯' });
  });

  it('does not send without a type and a title, and shows server validation errors on their fields', async () => {
    const answer = {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Invalid', details: [{ path: 'body.hostId', code: 'custom', message: 'host must be a chair' }] } },
    };
    const { calls } = stub(() => answer);
    renderAt(routes, '/meetings/new?date=2026-12-10');
    await userEvent.click(await screen.findByRole('button', { name: '保存并创建' }));
    expect(screen.getAllByText('必填')).toHaveLength(2);
    expect(bodies(calls, '/api/meetings')).toEqual([]);

    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: '保存并创建' }));
    expect(await screen.findByText('主持人须为主席会议成员或办公室人员')).toBeInTheDocument();
  });
});
