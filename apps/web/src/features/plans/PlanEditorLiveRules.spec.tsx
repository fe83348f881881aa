import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeetingType, Plan, PlanItem } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { OFFICE_USER, SETTINGS, SPECIAL_CONSULTATION } from '../meetings/meetingFixtures';
import { renderAt } from '../meetings/renderAt';
import { PlanEditorPage } from './PlanEditorPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const PLAN_ID = '5d4c3b2a-5555-4c1d-8e9f-0a1b2c3d4e05';
const FORUM: MeetingType = { ...SPECIAL_CONSULTATION, id: '5d4c3b2a-6666-4c1d-8e9f-0a1b2c3d4e06', code: 'consultation_forum', nameZh: '协商座谈会', nameEn: 'Consultation forum' };

let n = 0;
const item = (over: Partial<PlanItem> = {}): PlanItem => ({
  id: `5d4c3b2a-7777-4c1d-8e9f-0a1b2c3d4${String(100 + n++).padStart(3, '0')}`,
  planId: PLAN_ID,
  topicId: null,
  topicState: null,
  title: '推动制造业数字化转型',
  category: 'consultation',
  meetingTypeId: SPECIAL_CONSULTATION.id,
  meetingTypeCode: 'special_consultation',
  meetingTypeNameZh: '专题协商会',
  meetingTypeNameEn: 'Special consultation',
  plannedMonth: 3,
  leadLeader: '林正阳',
  leadBody: '经济委员会',
  participatingBodies: ['市发展和改革委员会'],
  notes: null,
  sortOrder: n,
  meetings: [],
  ...over,
});

function plan(over: Partial<Plan> = {}): Plan {
  return {
    id: PLAN_ID,
    year: 2027,
    title: '2027年度协商计划',
    state: 'chair_meeting_reviewed',
    itemCount: 0,
    updatedAt: '2026-11-20T02:00:00.000Z',
    notes: null,
    editMode: 'locked',
    items: [item(), item({ title: '加强中小学生心理健康教育' }), item({ title: '营商环境民主监督', category: 'supervision', meetingTypeId: FORUM.id, meetingTypeCode: 'consultation_forum', meetingTypeNameZh: '协商座谈会' })],
    approvals: [
      { id: '5d4c3b2a-8888-4c1d-8e9f-0a1b2c3d4e01', action: 'start_joint_revision', fromState: 'drafting', toState: 'joint_revision', actorId: OFFICE_USER.id, actorName: '办公室 周敏', meeting: null, comment: null, at: '2026-11-18T02:00:00.000Z' },
      { id: '5d4c3b2a-8888-4c1d-8e9f-0a1b2c3d4e02', action: 'record_chair_meeting_review', fromState: 'joint_revision', toState: 'chair_meeting_reviewed', actorId: null, actorName: '主席 林正阳', meeting: '第20次主席会议', comment: '原则同意', at: '2026-11-19T02:00:00.000Z' },
    ],
    amendments: [],
    rules: { minActivitiesPerType: { special_consultation: 4 }, minSupervisionShare: 0.2, maxTopicsPerPersonPerCall: 3 },
    violations: [{ rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'special_consultation', required: 4, actual: 2 } }],
    allowedActions: ['submit', 'send_back'],
    version: 5,
    createdAt: '2026-11-01T02:00:00.000Z',
    ...over,
  };
}

function stub(initial: Plan) {
  return stubFetch({
    'GET /api/auth/me': () => ({ body: OFFICE_USER }),
    'GET /api/settings': () => ({ body: SETTINGS }),
    'GET /api/meeting-types': () => ({ body: [SPECIAL_CONSULTATION, FORUM] }),
    [`GET /api/plans/${PLAN_ID}`]: () => ({ body: initial }),
    [`POST /api/plans/${PLAN_ID}/transition`]: () => ({
      status: 422,
      body: {
        error: {
          code: 'PLAN_RULES_VIOLATED',
          message: 'The plan breaks the rule PLAN_MIN_ACTIVITIES: required 4, actual 2',
          params: { rule: 'PLAN_MIN_ACTIVITIES', type: 'special_consultation', required: 4, actual: 2, count: 1 },
          details: { violations: initial.violations },
        },
      },
    }),
  });
}

const open = () => renderAt([{ path: '/plans/:id', element: <PlanEditorPage /> }], `/plans/${PLAN_ID}`);

describe('plan editor: organisation rules', () => {
  it('shows the violated rule with its numbers while drafting, and names it when submission is refused', async () => {
    stub(plan());
    open();
    const panel = await screen.findByRole('region', { name: '组织规则检查' });
    expect(await within(panel).findByText(/专题协商会：全年至少 4 次，目前 2 次/)).toBeInTheDocument();
    expect(within(panel).getByText(/民主监督议题占比：至少 20%，目前 33.3%/)).toBeInTheDocument();
    expect(within(panel).getByText('有 1 项规则未满足，报送前须调整')).toBeInTheDocument();
    // The approval trail names who, at which meeting, with what comment.
    expect(screen.getByText('会议：第20次主席会议')).toBeInTheDocument();
    expect(screen.getByText('意见：原则同意')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '报送党委审定' }));
    const dialog = await screen.findByRole('dialog', { name: '报送党委审定' });
    await userEvent.click(within(dialog).getByRole('button', { name: '报送党委审定' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('计划不符合组织规则，暂不能报送');
    expect(alert).toHaveTextContent('专题协商会：全年至少 4 次，目前 2 次');
  });

  it('previews the rules with the item being added, before it is saved', async () => {
    stub(plan({ state: 'drafting', editMode: 'draft', allowedActions: ['start_joint_revision'], approvals: [] }));
    open();
    await userEvent.click(await screen.findByRole('button', { name: '添加计划项目' }));
    const dialog = await screen.findByRole('dialog', { name: '添加计划项目' });
    await userEvent.click(within(dialog).getByRole('radio', { name: '直接添加' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /协商形式/ }));
    await userEvent.click(await screen.findByRole('option', { name: '专题协商会', hidden: true }));
    await waitFor(() => expect(within(dialog).getByText(/专题协商会：全年至少 4 次，目前 3 次/)).toBeInTheDocument());
  });
});
