import type { EntityManager } from 'typeorm';
import type { PolicyArea, TopicCategory, TopicSource, TopicState } from '@xieshang/contracts';
import { newPublicId } from '../modules/topics/topic-rows';

interface DemoTopic {
  title: string;
  summary: string;
  rationale: string;
  category: TopicCategory;
  policyArea: PolicyArea;
  source: TopicSource;
  state: TopicState;
  /** member number (member07 → 7), or a department / office / public proposer name */
  by: number | string;
  coSigners?: number[];
  supporters?: number[];
  rejectReason?: string;
  sourceRef?: string;
}

/*
 * This year's topics in every state and from every source, so the board, the screening panel and
 * the plan editor have something real to show. Two of them are near-duplicates (停车难) for the
 * similar-topics panel; the shortlisted ones are the candidates of the demo plan's draft.
 */
const TOPICS: DemoTopic[] = [
  { title: '关于推进城市更新中历史街区保护利用的建议', summary: '城市更新中部分历史街区拆改过度，风貌受损，保护与利用缺乏统筹。', rationale: '建议编制历史街区保护利用专项规划，建立活化利用项目库，鼓励社会资本参与。', category: 'consultation', policyArea: 'urban_rural', source: 'joint', state: 'shortlisted', by: 3, coSigners: [7, 11], supporters: [2, 5, 9] },
  { title: '关于加快发展新质生产力推动制造业转型升级的建议', summary: '我市传统制造业占比高，数字化改造进度不一，中小企业转型意愿强但能力弱。', rationale: '建议设立制造业数字化转型专项资金，建设行业级工业互联网平台，培育一批转型服务商。', category: 'consultation', policyArea: 'economy', source: 'committee', state: 'shortlisted', by: 12 },
  { title: '关于河湖长制落实情况的民主监督', summary: '部分河段“有名无实”，巡河记录流于形式，跨区河道责任交叉。', rationale: '建议开展河湖长制落实情况专项民主监督，聚焦跨区河道和入河排污口整治。', category: 'supervision', policyArea: 'ecology', source: 'party_committee', state: 'shortlisted', by: '市委办公室', sourceRef: '市委办〔2026〕21号' },
  { title: '关于优化营商环境政策落地情况的民主监督', summary: '惠企政策知晓率低、兑现慢，“最后一公里”问题突出。', rationale: '建议对惠企政策兑现情况开展民主监督，推动“免申即享”扩面。', category: 'supervision', policyArea: 'economy', source: 'department', state: 'shortlisted', by: '市发展和改革委员会' },
  { title: '关于破解老旧小区停车难问题的建议', summary: '老旧小区停车位缺口大，占道停车普遍，消防通道常被堵塞。', rationale: '建议挖潜周边机关企事业单位停车资源错时共享，新建立体停车设施，规范路内停车。', category: 'consultation', policyArea: 'social_governance', source: 'member', state: 'pooled', by: 5, supporters: [1, 8, 13, 21] },
  { title: '关于缓解老旧小区停车难的几点建议', summary: '老旧小区停车位严重不足，车辆乱停乱放，消防通道被占用现象普遍。', rationale: '建议推行错时共享停车，利用边角地建设停车设施，加强物业管理。', category: 'consultation', policyArea: 'social_governance', source: 'public_call', state: 'screening', by: '张先生' },
  { title: '关于提升基层医疗卫生服务能力的建议', summary: '社区卫生服务中心全科医生不足，群众“小病也往大医院跑”。', rationale: '建议完善家庭医生签约服务激励机制，推动医联体内专家下沉。', category: 'consultation', policyArea: 'health', source: 'sector', state: 'pooled', by: 9, supporters: [4, 6] },
  { title: '关于加强中小学生心理健康教育的建议', summary: '学生心理问题呈低龄化趋势，学校心理教师配备不足。', rationale: '建议按标准配齐专职心理教师，建立家校社医协同机制。', category: 'consultation', policyArea: 'culture_education', source: 'member', state: 'pooled', by: 14, supporters: [3, 10, 18] },
  { title: '关于规范电动自行车充电管理的建议', summary: '电动自行车入户充电、飞线充电引发火灾隐患。', rationale: '建议加快小区集中充电设施建设，明确物业和街道管理责任。', category: 'consultation', policyArea: 'social_governance', source: 'public_call', state: 'submitted', by: '刘女士' },
  { title: '关于推动数字经济与实体经济深度融合的建议', summary: '数据要素流通不畅，平台企业与制造企业对接不足。', rationale: '建议建设城市数据交易平台，开展“数实融合”示范项目。', category: 'consultation', policyArea: 'science_technology', source: 'office', state: 'submitted', by: '市政协办公室' },
  { title: '关于调解邻里房屋漏水纠纷的请求', summary: '楼上住户漏水多次协商无果，请求政协出面调解。', rationale: '属于个人纠纷。', category: 'consultation', policyArea: 'other', source: 'public_call', state: 'rejected', by: '匿名', rejectReason: '属于个人民事纠纷，不在协商议题征集范围内，建议通过人民调解或诉讼途径解决。' },
  { title: '关于加强生活垃圾分类长效管理的建议', summary: '垃圾分类投放准确率回落，部分小区“混装混运”。', rationale: '建议完善分类运输处置体系，推行“定时定点”投放和积分激励。', category: 'consultation', policyArea: 'ecology', source: 'member', state: 'submitted', by: 20, coSigners: [22] },
];

/** The demo topics and an open public call; run inside the demo seed's transaction, after the members. */
export async function seedDemoTopics(m: EntityManager): Promise<void> {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const [admin] = await m.query(`SELECT id FROM users WHERE email = 'admin@demo.local'`);
  const member = async (n: number): Promise<{ id: string; name: string }> =>
    (await m.query(`SELECT id, name FROM users WHERE email = $1`, [`member${String(n).padStart(2, '0')}@demo.local`]))[0];
  const [call] = await m.query(
    `INSERT INTO topic_calls (year, title, description, opens_at, closes_at, created_by)
     VALUES ($1, $2, $3, now() - interval '10 days', now() + interval '50 days', $4) RETURNING id`,
    [year, `${year}年度协商议题社会征集`, '围绕全市经济社会发展中的重要问题和群众关心的民生问题，面向社会公开征集协商议题。', admin.id],
  );

  for (const [i, d] of TOPICS.entries()) {
    const proposer = typeof d.by === 'number' ? await member(d.by) : null;
    const unit =
      d.source === 'department' ? (await m.query(`SELECT id FROM departments WHERE name = $1`, [d.by]))[0]?.id
      : d.source === 'sector' && proposer ? (await m.query(`SELECT sector_id AS id FROM users WHERE id = $1`, [proposer.id]))[0]?.id
      : d.source === 'committee' && proposer ? (await m.query(`SELECT committee_id AS id FROM users WHERE id = $1`, [proposer.id]))[0]?.id
      : null;
    const publicCall = d.source === 'public_call';
    const [{ id }] = await m.query(
      `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, state, proposer_id, proposer_name, show_name,
         contact_phone, contact_key, call_id, sector_id, committee_id, department_id, source_ref, reject_reason, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, now() - make_interval(days => $22), now())
       RETURNING id`,
      [
        newPublicId(), year, d.title, d.summary, d.rationale, d.category, d.policyArea, d.source, d.state,
        proposer?.id ?? null, proposer?.name ?? (typeof d.by === 'string' ? d.by : null), !publicCall || d.by !== '匿名',
        publicCall ? `1380000${String(1000 + i)}` : null, publicCall ? `tel:1380000${String(1000 + i)}` : null, publicCall ? call.id : null,
        d.source === 'sector' ? unit : null, d.source === 'committee' ? unit : null, d.source === 'department' ? unit : null,
        d.sourceRef ?? null, d.rejectReason ?? null, proposer?.id ?? admin.id, 30 - i,
      ],
    );
    for (const n of d.coSigners ?? []) {
      await m.query(`INSERT INTO topic_co_signers (topic_id, user_id, state, responded_at) VALUES ($1, $2, 'confirmed', now())`, [id, (await member(n)).id]);
    }
    for (const n of d.supporters ?? []) {
      await m.query(`INSERT INTO topic_supports (topic_id, user_id) VALUES ($1, $2)`, [id, (await member(n)).id]);
    }
    await m.query(
      `UPDATE topics SET co_signer_count = (SELECT count(*) FROM topic_co_signers WHERE topic_id = $1), support_count = (SELECT count(*) FROM topic_supports WHERE topic_id = $1) WHERE id = $1`,
      [id],
    );
    // The screening history that leads to the seeded state.
    const path: Record<TopicState, Array<[string, TopicState]>> = {
      submitted: [],
      screening: [['start_screening', 'screening']],
      pooled: [['start_screening', 'screening'], ['pool', 'pooled']],
      shortlisted: [['start_screening', 'screening'], ['pool', 'pooled'], ['shortlist', 'shortlisted']],
      rejected: [['reject', 'rejected']],
      merged: [],
      selected: [],
      not_selected: [],
    };
    await m.query(`INSERT INTO topic_events (topic_id, action, to_state, actor_id, at) VALUES ($1, 'submit', 'submitted', $2, now() - make_interval(days => $3))`, [id, proposer?.id ?? null, 30 - i]);
    let from: TopicState = 'submitted';
    for (const [step, [action, to]] of path[d.state].entries()) {
      await m.query(
        `INSERT INTO topic_events (topic_id, action, from_state, to_state, actor_id, comment, at) VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7))`,
        [id, action, from, to, admin.id, action === 'reject' ? d.rejectReason : null, 20 - i - step],
      );
      from = to;
    }
  }
}
