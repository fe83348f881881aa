import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Adoption, AssignmentRole, AssignmentState, FeedbackCadence, OutcomeAction, OutcomeState } from '@xieshang/contracts';
import { localDate } from '@xieshang/domain';

/*
 * The demo's outcome: the documents demo's finalized report (or, when there is none, a finalized
 * report row written here), sent to the party committee and the government, with a leader's
 * instruction and two rounds that between them show every state a liaison and the office meet:
 * - round 1: 市发改委 reported "adopted", the office accepted, the outcome was closed;
 * - round 2, the follow-up (回头看), quarterly: 市生态环境局 has reported and waits for the office,
 *   市教育局 is past its deadline (dept03 sees it overdue), 市发改委 still has time (dept01 can report).
 * It is public, so the accountability page has an entry. Only one: each outcome needs its own
 * finalized document, and the documents demo has one (its spec counts the demo documents).
 */

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
const at = (days: number, hour = 10) => new Date(Date.now() + days * DAY + (hour - 12) * 3600_000);
const day = (days: number) => localDate(at(days), TZ);

const FALLBACK = {
  title: '关于完善城市社区居家养老服务的协商报告',
  planItem: '完善城市社区居家养老服务',
  html: '<h1>关于完善城市社区居家养老服务的协商报告</h1><p>围绕社区居家养老服务设施布局、专业人员队伍和医养结合提出意见建议。</p>',
};

interface DemoAssignment {
  dept: string;
  role: AssignmentRole;
  state: AssignmentState;
  /** days from today */
  deadline: number;
  feedback?: { adoption: Adoption; reason?: string; measures: string; accepted: boolean; daysAgo: number };
}

interface DemoRound {
  cadence: FeedbackCadence;
  daysAgo: number;
  comment: string;
  assignments: DemoAssignment[];
  closedDaysAgo?: number;
}

const ROUNDS: DemoRound[] = [
  {
    cadence: 'immediate',
    daysAgo: 34,
    comment: '请市发改委牵头，会同有关部门研究办理，按期报送办理情况。',
    closedDaysAgo: 18,
    assignments: [
      {
        dept: '市发展和改革委员会', role: 'lead', state: 'accepted', deadline: -20,
        feedback: { adoption: 'adopted', measures: '已将报告建议纳入《“十五五”养老服务体系建设规划》，新增社区养老服务用房1.2万平方米，护理员岗位补贴提高20%。', accepted: true, daysAgo: 22 },
      },
    ],
  },
  {
    cadence: 'quarterly',
    daysAgo: 15,
    comment: '回头看：请各单位报送建议落实情况，研究中的事项按季度续报。',
    assignments: [
      {
        dept: '市生态环境局', role: 'lead', state: 'feedback_received', deadline: 15,
        feedback: { adoption: 'partly', reason: '部分社区养老设施选址涉及生态保护红线，需结合国土空间规划调整统筹推进。', measures: '已完成12个社区养老服务中心环评审批，建立绿色通道，平均审批时限压缩至10个工作日。', accepted: false, daysAgo: 2 },
      },
      { dept: '市教育局', role: 'assisting', state: 'assigned', deadline: -5 },
      { dept: '市发展和改革委员会', role: 'assisting', state: 'assigned', deadline: 20 },
    ],
  },
];

type Ids = { admin: string | null; leader: string | null; departments: Map<string, string>; liaisons: Map<string, string | null> };

async function loadIds(m: EntityManager): Promise<Ids> {
  const [admin] = await m.query(`SELECT id FROM users WHERE email = 'admin@demo.local'`);
  const [leader] = await m.query(`SELECT id FROM users WHERE email = 'leader@demo.local'`);
  const depts: Array<{ id: string; name: string; liaison: string | null }> = await m.query(
    `SELECT d.id, d.name, (SELECT u.id FROM users u WHERE u.department_id = d.id AND 'department' = ANY(u.roles) ORDER BY u.email LIMIT 1) AS liaison FROM departments d`,
  );
  return { admin: admin?.id ?? null, leader: leader?.id ?? null, departments: new Map(depts.map((d) => [d.name, d.id])), liaisons: new Map(depts.map((d) => [d.name, d.liaison])) };
}

/** The documents demo's finalized report, else a finalized row of our own on last year's plan item. */
async function sourceDocument(m: EntityManager): Promise<{ id: string; title: string; kind: 'report' | 'recommendation' | 'minutes' }> {
  const [doc] = await m.query(
    `SELECT d.id, d.title, d.kind FROM documents d WHERE d.state = 'finalized' AND d.kind IN ('report', 'recommendation', 'minutes')
       AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.document_id = d.id) ORDER BY (d.kind = 'report') DESC, d.finalized_at LIMIT 1`,
  );
  if (doc) return doc;
  const [item] = await m.query(`SELECT id FROM plan_items WHERE title = $1 ORDER BY created_at LIMIT 1`, [FALLBACK.planItem]);
  const [{ id }] = await m.query(
    `INSERT INTO documents (kind, title, state, plan_item_id, created_at, updated_at, finalized_at, final_html, final_sha256)
     VALUES ('report', $1, 'finalized', $2, $3, $3, $3, $4, $5) RETURNING id`,
    [FALLBACK.title, item?.id ?? null, at(-45), FALLBACK.html, createHash('sha256').update(FALLBACK.html).digest('hex')],
  );
  return { id, title: FALLBACK.title, kind: 'report' };
}

export async function seedDemoOutcomes(m: EntityManager): Promise<void> {
  const ids = await loadIds(m);
  const doc = await sourceDocument(m);
  const [src]: Array<{ category: string | null; year: number | null }> = await m.query(
    `SELECT COALESCE(t.category, pi.category, mpi.category) AS category, COALESCE(t.year, p.year, mp.year) AS year FROM documents d
       LEFT JOIN topics t ON t.id = d.topic_id LEFT JOIN plan_items pi ON pi.id = d.plan_item_id LEFT JOIN plans p ON p.id = pi.plan_id
       LEFT JOIN meetings mt ON mt.id = d.meeting_id LEFT JOIN plan_items mpi ON mpi.id = mt.plan_item_id LEFT JOIN plans mp ON mp.id = mpi.plan_id
      WHERE d.id = $1`,
    [doc.id],
  );
  const sentOn = day(-40);
  const [{ id }] = await m.query(
    `INSERT INTO outcomes (document_id, kind, title, summary, recipients, sent_on, category, year, is_public, public_summary, state, round, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5::jsonb,$6,$7,$8,true,$9,'feedback_received',$10,$11,$12, now()) RETURNING id`,
    [
      doc.id, doc.kind, doc.title,
      '建议优化社区养老服务设施布局，加强专业护理人员队伍建设，推进医养结合服务衔接。',
      JSON.stringify([{ body: 'party_committee', name: '韩立', title: '市委副书记', userId: ids.leader }, { body: 'government', name: '陈志远', title: '副市长', userId: null }]),
      sentOn, src?.category ?? 'consultation', src?.year ?? Number(sentOn.slice(0, 4)),
      '围绕完善城市社区居家养老服务提出设施布局、人才队伍、医养结合等建议，已交有关部门办理并开展回头看。',
      ROUNDS.length, ids.admin, at(-40),
    ],
  );
  const step = (action: OutcomeAction, from: OutcomeState | null, to: OutcomeState, when: Date, actor: string | null, extra: { comment?: string; assignmentId?: string; round?: number } = {}) =>
    m.query(`INSERT INTO outcome_trail (outcome_id, action, from_state, to_state, actor_id, comment, assignment_id, round, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [
      id, action, from, to, actor, extra.comment ?? null, extra.assignmentId ?? null, extra.round ?? null, when,
    ]);

  await step('send', null, 'report_sent', at(-40), ids.admin);
  const leaderName = '韩立 市委副书记';
  await m.query(`INSERT INTO outcome_instructions (outcome_id, leader_name, leader_user_id, date, text, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [
    id, leaderName, ids.leader, day(-36), '报告反映的问题很实，请市发改委牵头，会同有关部门认真研究吸收，抓好落实。', ids.admin, at(-36),
  ]);
  await step('record_instruction', 'report_sent', 'instructed', at(-36), ids.admin, { comment: `${leaderName}（${day(-36)}）` });

  let state: OutcomeState = 'instructed';
  for (const [i, r] of ROUNDS.entries()) {
    const round = i + 1;
    await step(round === 1 ? 'assign' : 'follow_up', state, 'assigned', at(-r.daysAgo), ids.admin, { comment: r.comment, round });
    state = 'assigned';
    for (const a of r.assignments) {
      const deptId = ids.departments.get(a.dept);
      if (!deptId) continue;
      const deadline = day(a.deadline);
      const [{ id: assignmentId }] = await m.query(
        `INSERT INTO outcome_assignments (outcome_id, round, department_id, role, cadence, state, first_deadline, deadline, created_by, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [id, round, deptId, a.role, r.cadence, a.state, deadline, a.state === 'accepted' ? null : deadline, ids.admin, at(-r.daysAgo)],
      );
      const f = a.feedback;
      if (!f) continue;
      const liaison = ids.liaisons.get(a.dept) ?? null;
      const comment = f.accepted ? '办理措施具体，同意。' : null;
      await m.query(
        `INSERT INTO outcome_feedback (assignment_id, adoption, reason, measures, state, submitted_by, submitted_at, evaluated_by, evaluated_at, evaluation_comment)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [assignmentId, f.adoption, f.reason ?? null, f.measures, f.accepted ? 'accepted' : 'pending', liaison, at(-f.daysAgo), f.accepted ? ids.admin : null, f.accepted ? at(-f.daysAgo + 1) : null, comment],
      );
      await step('submit_feedback', state, 'feedback_received', at(-f.daysAgo), liaison, { assignmentId, round });
      state = 'feedback_received';
      if (f.accepted) {
        await step('evaluate', state, 'evaluated', at(-f.daysAgo + 1), ids.admin, { assignmentId, round, comment: comment ?? undefined });
        state = 'evaluated';
      }
    }
    if (r.closedDaysAgo !== undefined) {
      await step('close', state, 'closed', at(-r.closedDaysAgo), ids.admin, { comment: '首轮办理完毕，予以办结。', round });
      state = 'closed';
    }
  }
}
