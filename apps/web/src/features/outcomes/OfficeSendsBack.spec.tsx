import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Assignment, Outcome } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { OFFICE_USER, SETTINGS } from '../meetings/meetingFixtures';
import { renderAt } from '../meetings/renderAt';
import { OutcomeDetailPage } from './OutcomeDetailPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const OUTCOME_ID = '5a4b3c2d-1111-4c1d-8e9f-0a1b2c3d4e01';
const ASSIGNMENT_ID = '5a4b3c2d-2222-4c1d-8e9f-0a1b2c3d4e02';

const assignment: Assignment = {
  id: ASSIGNMENT_ID,
  outcomeId: OUTCOME_ID,
  round: 1,
  departmentId: '5a4b3c2d-3333-4c1d-8e9f-0a1b2c3d4e03',
  departmentName: '市生态环境局',
  role: 'lead',
  cadence: 'immediate',
  state: 'feedback_received',
  firstDeadline: '2026-12-08',
  deadline: '2026-12-08',
  overdue: false,
  current: true,
  feedback: [
    {
      id: '5a4b3c2d-4444-4c1d-8e9f-0a1b2c3d4e04',
      assignmentId: ASSIGNMENT_ID,
      adoption: 'partly',
      reason: null,
      measures: '已完成重点河段排查。',
      attachments: [],
      state: 'pending',
      submittedAt: '2026-11-20T02:00:00.000Z',
      submittedByName: '生态环境局联络员',
      evaluationComment: null,
      evaluatedAt: null,
    },
  ],
  createdAt: '2026-11-01T02:00:00.000Z',
};

const OUTCOME: Outcome = {
  id: OUTCOME_ID,
  kind: 'recommendation',
  title: '关于加强河湖长制落实的建议案',
  state: 'feedback_received',
  category: 'supervision',
  year: 2026,
  sentOn: '2026-11-01',
  public: false,
  documentId: '5a4b3c2d-5555-4c1d-8e9f-0a1b2c3d4e05',
  round: 1,
  leadDepartmentName: '市生态环境局',
  overdue: false,
  nextDeadline: '2026-12-08',
  updatedAt: '2026-11-20T02:00:00.000Z',
  documentTitle: '关于加强河湖长制落实的建议案',
  documentKind: 'recommendation',
  summary: null,
  publicSummary: null,
  recipients: [{ body: 'government', name: '张华', title: '副市长', userId: null }],
  instructions: [],
  assignments: [assignment],
  trail: [],
  allowedActions: ['record_instruction'],
  createdAt: '2026-11-01T02:00:00.000Z',
};

describe('outcome detail for the office', () => {
  it('sends a department’s feedback back only with a comment', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: OFFICE_USER }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      [`GET /api/outcomes/${OUTCOME_ID}`]: () => ({ body: OUTCOME }),
      [`POST /api/assignments/${ASSIGNMENT_ID}/evaluate`]: () => ({ body: {} }),
    });
    renderAt([{ path: '/outcomes/:id', element: <OutcomeDetailPage /> }], `/outcomes/${OUTCOME_ID}`);
    const card = await screen.findByTestId('assignment');
    expect(within(card).getByText('已完成重点河段排查。')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '办理操作' })).toHaveTextContent('登记领导批示');
    expect(screen.queryByRole('button', { name: '办结' })).not.toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: '退回重办' }));
    const dialog = await screen.findByRole('dialog', { name: '退回重办' });
    await userEvent.click(within(dialog).getByRole('button', { name: '退回重办' }));
    expect(await within(dialog).findByText('退回时请写明意见')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getByRole('textbox', { name: /评价意见/ }), '请补充整改时限');
    await userEvent.click(within(dialog).getByRole('button', { name: '退回重办' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(JSON.parse(String(calls.find((c) => c.method === 'POST')?.init.body))).toEqual({ decision: 'send_back', comment: '请补充整改时限' });
  });
});
