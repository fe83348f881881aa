import type { EntityManager } from 'typeorm';
import type { PlanItemCategory, PlanState } from '@xieshang/contracts';

interface DemoItem {
  title: string;
  category: PlanItemCategory;
  typeCode: string;
  month: number;
  leadLeader: string;
  leadBody: string;
  bodies: string[];
}

/** Last year's plan, issued: a customary mix of plenary, special consultations, forums and supervision. */
const LAST_YEAR: DemoItem[] = [
  { title: '政协全体会议：审议常委会工作报告', category: 'consultation', typeCode: 'plenary', month: 1, leadLeader: '林正阳', leadBody: '市政协办公室', bodies: [] },
  { title: '推动制造业数字化转型', category: 'consultation', typeCode: 'special_consultation', month: 3, leadLeader: '林正阳', leadBody: '经济委员会', bodies: ['市发展和改革委员会'] },
  { title: '加强中小学生心理健康教育', category: 'consultation', typeCode: 'special_consultation', month: 5, leadLeader: '林正阳', leadBody: '教科卫体委员会', bodies: ['市教育局'] },
  { title: '完善城市社区居家养老服务', category: 'consultation', typeCode: 'special_consultation', month: 7, leadLeader: '林正阳', leadBody: '社会和法制委员会', bodies: [] },
  { title: '促进县域特色农业产业发展', category: 'consultation', typeCode: 'special_consultation', month: 9, leadLeader: '林正阳', leadBody: '人口资源环境委员会', bodies: ['市发展和改革委员会'] },
  { title: '长江流域生态环境保护情况民主监督', category: 'supervision', typeCode: 'counterpart_consultation', month: 6, leadLeader: '林正阳', leadBody: '人口资源环境委员会', bodies: ['市生态环境局'] },
  { title: '营商环境优化政策落实情况民主监督', category: 'supervision', typeCode: 'consultation_forum', month: 10, leadLeader: '林正阳', leadBody: '经济委员会', bodies: ['市发展和改革委员会'] },
];

/** This year's draft: two special consultations short of the rule, so the editor shows a live violation. */
const THIS_YEAR: DemoItem[] = [
  { title: '政协全体会议：协商讨论政府工作报告', category: 'consultation', typeCode: 'plenary', month: 1, leadLeader: '林正阳', leadBody: '市政协办公室', bodies: [] },
  { title: '发展新质生产力，培育战略性新兴产业', category: 'consultation', typeCode: 'special_consultation', month: 4, leadLeader: '林正阳', leadBody: '经济委员会', bodies: ['市发展和改革委员会'] },
  { title: '推进义务教育优质均衡发展', category: 'consultation', typeCode: 'special_consultation', month: 6, leadLeader: '林正阳', leadBody: '教科卫体委员会', bodies: ['市教育局'] },
  { title: '大气污染防治攻坚情况民主监督', category: 'supervision', typeCode: 'counterpart_consultation', month: 8, leadLeader: '林正阳', leadBody: '人口资源环境委员会', bodies: ['市生态环境局'] },
];

async function insertPlan(m: EntityManager, year: number, state: PlanState, items: DemoItem[], adminId: string): Promise<string> {
  const [{ id }] = await m.query(`INSERT INTO plans (year, title, state, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [year, `${year}年度协商计划`, state, adminId]);
  const types: Array<{ id: string; code: string }> = await m.query(`SELECT id, code FROM meeting_types`);
  const typeId = new Map(types.map((t) => [t.code, t.id]));
  for (const [i, it] of items.entries()) {
    await m.query(
      `INSERT INTO plan_items (plan_id, title, category, meeting_type_id, planned_month, lead_leader, lead_body, participating_bodies, sort_order)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, it.title, it.category, typeId.get(it.typeCode), it.month, `${it.leadLeader} 主席`, it.leadBody, it.bodies, i + 1],
    );
  }
  return id;
}

/**
 * A demo plan for last year (issued, with its approval trail) and a draft for this year that misses
 * the special-consultation rule. Skipped when any plan exists, so it is idempotent.
 */
export async function seedDemoPlan(m: EntityManager, now = new Date()): Promise<void> {
  const [any] = await m.query(`SELECT 1 FROM plans LIMIT 1`);
  if (any) return;
  const users: Array<{ id: string; email: string }> = await m.query(`SELECT id, email FROM users WHERE email IN ('admin@demo.local', 'chair@demo.local', 'leader@demo.local')`);
  const user = new Map(users.map((u) => [u.email, u.id]));
  const admin = user.get('admin@demo.local');
  const chair = user.get('chair@demo.local');
  const leader = user.get('leader@demo.local');
  if (!admin || !chair || !leader) return;
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));

  const last = await insertPlan(m, year - 1, 'issued', LAST_YEAR, admin);
  const steps: Array<[string, string, string, string, string | null, string | null, string]> = [
    ['start_joint_revision', 'drafting', 'joint_revision', admin, null, '征求各专委会、各界别意见', `${year - 2}-12-05T10:00:00+08:00`],
    ['record_chair_meeting_review', 'joint_revision', 'chair_meeting_reviewed', chair, '市政协第三十次主席会议', '原则同意，按意见修改后报市委', `${year - 2}-12-20T10:00:00+08:00`],
    ['submit', 'chair_meeting_reviewed', 'submitted', admin, null, '报市委审定', `${year - 2}-12-22T10:00:00+08:00`],
    ['approve', 'submitted', 'approved', leader, '市委常委会第五十八次会议', '同意', `${year - 1}-01-08T10:00:00+08:00`],
    ['issue', 'approved', 'issued', admin, null, null, `${year - 1}-01-12T10:00:00+08:00`],
  ];
  for (const [action, from, to, actor, meeting, comment, at] of steps) {
    await m.query(
      `INSERT INTO plan_approvals (plan_id, action, from_state, to_state, actor_id, meeting, comment, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [last, action, from, to, actor, meeting, comment, at],
    );
  }
  await insertPlan(m, year, 'drafting', THIS_YEAR, admin);
}
