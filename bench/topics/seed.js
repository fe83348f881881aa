/**
 * Seed N synthetic topics straight into PostgreSQL (one INSERT … SELECT over generate_series), with
 * titles and summaries composed from Chinese phrases so trigram search and similarity have realistic
 * text to work on: many topics share words, few share whole titles.
 */
const SUBJECTS = [
  '社区养老服务', '老旧小区改造', '城市停车管理', '中小学生课后服务', '基层医疗卫生', '农村人居环境', '垃圾分类', '河湖长制',
  '营商环境', '数字经济', '制造业转型升级', '历史街区保护', '公共文化服务', '职业技能培训', '食品安全监管', '电动自行车充电',
  '城市内涝治理', '托育服务', '外卖骑手权益保障', '乡村振兴', '新能源汽车产业', '科技成果转化', '法律援助', '社区矫正',
  '校园周边交通', '居家社区医养结合', '空气质量改善', '长江岸线生态修复', '非遗传承', '智慧社区建设', '人才引进', '住房保障',
];
const VERBS = ['加强', '完善', '推进', '优化', '规范', '提升', '加快', '破解', '健全', '深化'];
const ENDINGS = ['的建议', '的对策建议', '的几点思考', '的协商建议', '的民主监督'];
const PROBLEMS = ['供给不足', '分布不均', '标准不统一', '监管缺位', '资金缺口较大', '群众反映强烈', '部门协同不够', '政策落地慢', '信息化水平低', '专业人才短缺'];
const MEASURES = ['加大财政投入', '引入社会资本', '建立联席会议制度', '完善考核评价', '推广试点经验', '加强数字化支撑', '明确部门职责', '健全长效机制'];
const STATES = ['submitted', 'screening', 'pooled', 'pooled', 'pooled', 'shortlisted', 'rejected', 'selected', 'not_selected'];
const SOURCES = ['public_call', 'member', 'member', 'joint', 'sector', 'committee', 'department', 'office', 'party_committee'];
const AREAS = ['economy', 'livelihood', 'social_governance', 'ecology', 'urban_rural', 'culture_education', 'health', 'science_technology', 'rule_of_law', 'other'];

const arr = (a) => `ARRAY[${a.map((s) => `'${s}'`).join(',')}]`;
/** Deterministic pseudo-random index per row and salt, so every run seeds the same text. */
const pick = (list, salt) => `(${arr(list)})[1 + (abs(hashint4(i * ${salt} + ${salt * 7})) % ${list.length})]`;

async function seedTopics(client, count, year) {
  const started = Date.now();
  await client.query(`
    INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, state, proposer_name, reject_reason,
                        support_count, co_signer_count, created_at, updated_at)
    SELECT substr(md5('bench' || i), 1, 12), ${year} - (i % 4),
      '关于' || ${pick(VERBS, 3)} || ${pick(SUBJECTS, 5)} || ${pick(ENDINGS, 11)},
      ${pick(SUBJECTS, 13)} || ${pick(PROBLEMS, 17)} || '，' || ${pick(SUBJECTS, 19)} || ${pick(PROBLEMS, 23)} || '，建议' || ${pick(MEASURES, 29)} || '。',
      '建议' || ${pick(MEASURES, 31)} || '，' || ${pick(MEASURES, 37)} || '。',
      CASE WHEN i % 5 = 0 THEN 'supervision' ELSE 'consultation' END,
      ${pick(AREAS, 41)}, ${pick(SOURCES, 43)}, ${pick(STATES, 47)},
      '委员' || (i % 400), CASE WHEN ${pick(STATES, 47)} = 'rejected' THEN '不属于协商范围' END, i % 17, i % 3,
      now() - make_interval(secs => i * 60), now() - make_interval(secs => i * 60)
    FROM generate_series(1, ${count}) AS i`);
  // The steady state of a live database (autovacuum has run): visibility map set, statistics fresh.
  await client.query('VACUUM ANALYZE topics');
  return Date.now() - started;
}

module.exports = { seedTopics, SUBJECTS };
