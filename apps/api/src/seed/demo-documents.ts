import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import type { AttendanceStatus, EntryKind } from '@xieshang/contracts';
import { renderHtml, replaceContent, type EditorJSON } from '@xieshang/editor-schema';
import { minutesTemplate, type SpeakingRow } from '../modules/documents/minutes/minutes-template';
import { templateAnchors } from '../modules/documents/minutes/speaking-log-yjs';

/*
 * Documents of the demo committee:
 * - the minutes of last month's standing committee (ended), from the template, with the substance written in;
 * - a consensus report on last year's plan item about home-based elderly care, finalized (outcomes send it);
 * - a draft recommendation on this year's compulsory-education item, with two members assigned as editors.
 * The content goes into the collab update log as each document's first update, exactly as the store would.
 * Runs inside the demo seed's transaction; skipped when any document exists.
 */

const TZ = 'Asia/Shanghai';
const p = (text: string): EditorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h = (level: number, text: string): EditorJSON => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const bullets = (...items: string[]): EditorJSON => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [p(t)] })) });

const MINUTES_SUBSTANCE = [
  '会议听取了市政协办公室关于年度重点协商计划执行情况的通报。截至上月底，年度计划确定的七项协商活动已完成五项，其余两项正在筹备。',
  '与会常委围绕计划执行中的问题进行了交流，建议进一步加强调研与协商的衔接，提高协商成果转化率。',
  '会议同意将“完善城市社区居家养老服务”协商报告提交市委、市政府参阅。',
];

const REPORT: EditorJSON = {
  type: 'doc',
  content: [
    h(1, '关于完善城市社区居家养老服务的协商报告'),
    p('根据年度协商计划，市政协社会和法制委员会会同有关部门，围绕完善城市社区居家养老服务开展专题调研，并召开专题协商会。现将协商情况报告如下。'),
    h(2, '一、基本情况'),
    p('全市60周岁以上户籍老年人口占比已超过22%，社区居家养老服务需求持续增长。各区已建成社区养老服务中心，但服务供给不均衡、专业人员不足等问题仍较突出。'),
    h(2, '二、存在的问题'),
    bullets('社区养老服务设施布局不均衡，老城区设施用房不足。', '专业护理人员数量不足，待遇偏低，流失率较高。', '医养结合服务衔接不畅，家庭医生签约服务利用率不高。'),
    h(2, '三、意见建议'),
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [
        { type: 'listItem', content: [p('统筹规划社区养老服务设施，盘活闲置公房，新建小区按标准配建养老服务用房。')] },
        { type: 'listItem', content: [p('建立养老护理员职业技能等级与薪酬待遇挂钩机制，加大培训补贴力度。')] },
        { type: 'listItem', content: [p('推动社区卫生服务中心与养老服务中心融合发展，提升家庭医生签约服务质量。')] },
      ],
    },
  ],
};

const RECOMMENDATION: EditorJSON = {
  type: 'doc',
  content: [
    h(1, '关于推进义务教育优质均衡发展的建议案（讨论稿）'),
    p('（执笔：教科卫体委员会。请各位委员在批注中提出修改意见。）'),
    h(2, '一、现状'),
    p('待补充：各区校际差距、师资配置与学位供给情况。'),
    h(2, '二、建议'),
    bullets('推进集团化办学和学区化管理，扩大优质教育资源覆盖面。', '完善教师交流轮岗制度。'),
  ],
};

interface DemoIds {
  admin: string;
  chair: string;
  member: (n: number) => string;
}

async function ids(m: EntityManager): Promise<DemoIds | null> {
  const users: Array<{ id: string; email: string }> = await m.query(`SELECT id, email FROM users WHERE email LIKE '%@demo.local'`);
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const admin = byEmail.get('admin@demo.local');
  const chair = byEmail.get('chair@demo.local');
  if (!admin || !chair) return null;
  return { admin, chair, member: (n) => byEmail.get(`member${String(n).padStart(2, '0')}@demo.local`) as string };
}

async function insertDocument(
  m: EntityManager,
  d: { kind: string; title: string; meetingId?: string | null; planItemId?: string | null; createdBy: string; createdAt: Date },
): Promise<string> {
  const [{ id }] = await m.query(
    `INSERT INTO documents (kind, title, meeting_id, plan_item_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [d.kind, d.title, d.meetingId ?? null, d.planItemId ?? null, d.createdBy, d.createdAt],
  );
  await m.query(`INSERT INTO document_events (document_id, kind, to_state, actor_id, at) VALUES ($1, 'created', 'draft', $2, $3)`, [id, d.createdBy, d.createdAt]);
  return id;
}

/** The first entry of the document's update log: the whole content as one Yjs update. */
async function writeContent(m: EntityManager, documentId: string, doc: Y.Doc, actorId: string): Promise<void> {
  await m.query(`INSERT INTO collab_updates (document_id, update, actor_id) VALUES ($1, $2, $3)`, [documentId, Buffer.from(Y.encodeStateAsUpdate(doc)), actorId]);
}

function docOf(json: EditorJSON): Y.Doc {
  const doc = new Y.Doc();
  replaceContent(doc, json);
  return doc;
}

/** Writes the substance under the template's "主要内容：" lines. */
function withSubstance(json: EditorJSON, texts: readonly string[]): EditorJSON {
  let i = 0;
  return {
    ...json,
    content: (json.content ?? []).map((n) => {
      const first = n.content?.[0]?.text;
      if (n.type !== 'paragraph' || first !== '主要内容：' || i >= texts.length) return n;
      return { ...n, content: [...(n.content ?? []), { type: 'text', text: texts[i++] }] };
    }),
  };
}

async function seedMinutes(m: EntityManager, who: DemoIds): Promise<void> {
  const [meeting]: Array<{ id: string; title: string; starts_at: Date; ends_at: Date; venue: string | null; host_name: string | null; type_name: string | null; agenda: Array<{ id: string; title: string }> }> =
    await m.query(
      `SELECT mt.id, mt.title, mt.starts_at, mt.ends_at, mt.venue, h.name AS host_name, ty.name_zh AS type_name, mt.agenda
         FROM meetings mt LEFT JOIN users h ON h.id = mt.host_id LEFT JOIN meeting_types ty ON ty.id = mt.type_id
        WHERE mt.state IN ('minutes', 'reported', 'closed') ORDER BY mt.starts_at DESC LIMIT 1`,
    );
  if (!meeting) return;
  const invitees: Array<{ name: string; status: AttendanceStatus }> = (
    await m.query(`SELECT u.name, COALESCE(i.attendance, 'absent') AS status FROM meeting_invitations i JOIN users u ON u.id = i.user_id WHERE i.meeting_id = $1 ORDER BY u.name`, [meeting.id])
  ).map((r: { name: string; status: AttendanceStatus }) => r);
  const logged: Array<{ entry_id: string; agenda_item_id: string | null; name: string | null; sector_name: string | null; kind: EntryKind; started_at: Date; duration_ms: number }> = await m.query(
    `SELECT entry_id, agenda_item_id, name, sector_name, kind, started_at, duration_ms FROM speaking_log WHERE meeting_id = $1 ORDER BY started_at`,
    [meeting.id],
  );
  const rows: SpeakingRow[] = logged.map((l) => ({ entryId: l.entry_id, agendaItemId: l.agenda_item_id, name: l.name, sector: l.sector_name, kind: l.kind, status: 'done', startedAt: l.started_at.getTime(), durationMs: l.duration_ms }));
  const agenda = (Array.isArray(meeting.agenda) ? meeting.agenda : []).map((a) => ({ id: a.id, title: a.title }));
  const template = minutesTemplate(
    { title: meeting.title, typeName: meeting.type_name, startsAt: meeting.starts_at, endsAt: meeting.ends_at, venue: meeting.venue, hostName: meeting.host_name },
    invitees,
    agenda,
    rows,
    TZ,
  );
  const json = withSubstance(template.json, MINUTES_SUBSTANCE);
  const id = await insertDocument(m, { kind: 'minutes', title: `${meeting.title}纪要`, meetingId: meeting.id, createdBy: who.admin, createdAt: meeting.ends_at });
  // replaceContent into an empty doc keeps the template's block order, so the table anchors are found the same way
  const doc = docOf(json);
  const anchors = templateAnchors(doc, template.tableIndex, template.tableRows);
  await writeContent(m, id, doc, who.admin);
  for (const [key, pos] of anchors) await m.query(`INSERT INTO document_anchors (document_id, key, pos) VALUES ($1, $2, $3)`, [id, key, Buffer.from(pos)]);
  await m.query(`INSERT INTO document_members (document_id, user_id, role, added_by) VALUES ($1, $2, 'editor', $3)`, [id, who.member(2), who.admin]);
}

async function seedFinalizedReport(m: EntityManager, who: DemoIds): Promise<void> {
  const [item]: Array<{ id: string }> = await m.query(
    `SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE i.title = '完善城市社区居家养老服务' ORDER BY p.year LIMIT 1`,
  );
  const createdAt = new Date(Date.now() - 60 * 86_400_000);
  const finalizedAt = new Date(Date.now() - 45 * 86_400_000);
  const id = await insertDocument(m, { kind: 'report', title: '关于完善城市社区居家养老服务的协商报告', planItemId: item?.id ?? null, createdBy: who.admin, createdAt });
  await writeContent(m, id, docOf(REPORT), who.admin);
  const html = renderHtml(REPORT);
  const sha = createHash('sha256').update(html, 'utf8').digest('hex');
  await m.query(`UPDATE documents SET state = 'finalized', finalized_at = $2, finalized_by = $3, final_html = $4, final_sha256 = $5, updated_at = $2 WHERE id = $1`, [
    id,
    finalizedAt,
    who.chair,
    html,
    sha,
  ]);
  const reviewAt = new Date(finalizedAt.getTime() - 3 * 86_400_000);
  await m.query(
    `INSERT INTO document_events (document_id, kind, from_state, to_state, actor_id, comment, at) VALUES
       ($1, 'submit_for_review', 'draft', 'in_review', $2, NULL, $4), ($1, 'finalize', 'in_review', 'finalized', $3, '经主席会议审议同意', $5)`,
    [id, who.admin, who.chair, reviewAt, finalizedAt],
  );
  await m.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, data, at) VALUES ($1, 'document.finalize', 'document', $2, $3, $4)`, [
    who.chair,
    id,
    JSON.stringify({ from: 'in_review', to: 'finalized' }),
    finalizedAt,
  ]);
}

async function seedDraftRecommendation(m: EntityManager, who: DemoIds): Promise<void> {
  const [item]: Array<{ id: string }> = await m.query(
    `SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE i.title = '推进义务教育优质均衡发展' ORDER BY p.year DESC LIMIT 1`,
  );
  const id = await insertDocument(m, { kind: 'recommendation', title: '关于推进义务教育优质均衡发展的建议案', planItemId: item?.id ?? null, createdBy: who.admin, createdAt: new Date(Date.now() - 5 * 86_400_000) });
  await writeContent(m, id, docOf(RECOMMENDATION), who.admin);
  for (const n of [3, 7]) await m.query(`INSERT INTO document_members (document_id, user_id, role, added_by) VALUES ($1, $2, 'editor', $3)`, [id, who.member(n), who.admin]);
  await m.query(`INSERT INTO document_members (document_id, user_id, role, added_by) VALUES ($1, $2, 'commenter', $3)`, [id, who.member(8), who.admin]);
}

export async function seedDemoDocuments(m: EntityManager): Promise<void> {
  const [any] = await m.query(`SELECT 1 FROM documents LIMIT 1`);
  if (any) return;
  const who = await ids(m);
  if (!who) return;
  await seedMinutes(m, who);
  await seedFinalizedReport(m, who);
  await seedDraftRecommendation(m, who);
}
