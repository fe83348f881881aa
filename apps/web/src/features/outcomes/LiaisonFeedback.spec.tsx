import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AssignmentView, SessionUser } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { OFFICE_USER, SETTINGS } from '../meetings/meetingFixtures';
import { renderAt } from '../meetings/renderAt';
import { AssignmentsPage } from './AssignmentsPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const DEPT = '3c2b1a00-1111-4c1d-8e9f-0a1b2c3d4e0a';
const LIAISON: SessionUser = { ...OFFICE_USER, id: '0b7f8a10-3333-4c1d-8e9f-0a1b2c3d4e03', email: 'dept@example.org', name: '教育局联络员', roles: ['department'], departmentId: DEPT };
const ASSIGNMENT_ID = '6e5d4c3b-2222-4c1d-8e9f-0a1b2c3d4e0b';

const task = (over: Partial<AssignmentView> = {}): AssignmentView => ({
  id: ASSIGNMENT_ID,
  outcomeId: '6e5d4c3b-3333-4c1d-8e9f-0a1b2c3d4e0c',
  round: 1,
  departmentId: DEPT,
  departmentName: '市教育局',
  role: 'lead',
  cadence: 'immediate',
  state: 'assigned',
  firstDeadline: '2026-11-20',
  deadline: '2026-11-20',
  overdue: true,
  current: true,
  feedback: [],
  createdAt: '2026-11-01T02:00:00.000Z',
  outcomeTitle: '关于推进义务教育优质均衡发展的协商专报',
  outcomeKind: 'report',
  outcomeState: 'assigned',
  outcomeSummary: '建议扩大优质学位供给。',
  sentOn: '2026-11-01',
  instructions: [],
  partners: [{ departmentName: '市发展和改革委员会', role: 'assisting' }],
  trail: [
    { id: '6e5d4c3b-4444-4c1d-8e9f-0a1b2c3d4e0d', action: 'send_back', fromState: 'feedback_received', toState: 'assigned', actorId: null, actorName: '办公室', comment: '请补充学位供给数据', assignmentId: ASSIGNMENT_ID, departmentName: '市教育局', round: 1, at: '2026-11-10T02:00:00.000Z' },
  ],
  allowedActions: ['submit_feedback'],
  ...over,
});

describe('liaison portal', () => {
  it('shows the office’s send-back comment, asks for a reason when not adopted, then submits the feedback', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: LIAISON }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      'GET /api/assignments': () => ({ body: { items: [task()], total: 1, page: 1, pageSize: 20 } }),
      [`POST /api/assignments/${ASSIGNMENT_ID}/feedback`]: () => ({ body: task({ state: 'feedback_received', allowedActions: [] }) }),
    });
    renderAt([{ path: '/assignments', element: <AssignmentsPage /> }], '/assignments');
    const card = await screen.findByRole('article', { name: '关于推进义务教育优质均衡发展的协商专报' });
    expect(within(card).getByText('请补充学位供给数据')).toBeInTheDocument();
    expect(within(card).getByText(/逾期 \d+ 天|已逾期/)).toBeInTheDocument();
    expect(within(card).getByText(/市发展和改革委员会（协办）/)).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: '修改后重新反馈' }));
    const form = within(card).getByRole('form', { name: '办理反馈' });
    await userEvent.click(within(form).getByRole('radio', { name: '未采纳' }));
    await userEvent.type(within(form).getByRole('textbox', { name: /采取的措施和办理情况/ }), '已组织专题论证');
    await userEvent.click(within(form).getByRole('button', { name: '提交反馈' }));
    expect(await within(form).findByText('未采纳时必须说明理由')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(form).getByRole('textbox', { name: /未采纳理由/ }), '受用地指标限制');
    await userEvent.click(within(form).getByRole('button', { name: '提交反馈' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = JSON.parse(String(calls.find((c) => c.method === 'POST')?.init.body));
    expect(body).toEqual({ adoption: 'not_adopted', reason: '受用地指标限制', measures: '已组织专题论证', attachmentIds: [] });
    expect(await screen.findByText('反馈已提交，等待政协办公室评价')).toBeInTheDocument();
  });
});
