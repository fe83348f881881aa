import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { InvitationState, InviteeSelection, MeetingMode, MeetingState } from '@xieshang/contracts';
import { addWorkingDays, finalAttendance, isWorkingDay, localDate } from '@xieshang/domain';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_WORKDAYS } from '../modules/settings/default-calendar';
import { expandSelection } from '../modules/meetings/invitees';
import { DEFAULT_AGENDA } from '../modules/meetings/standard-meeting-types';

/** The demo organisation's clock: Shanghai has no daylight saving, so +08:00 is always right. */
const ZONE = 'Asia/Shanghai';
const HOLIDAYS = new Set(DEFAULT_HOLIDAYS.map((d) => d.date));
const MAKEUP = new Set(DEFAULT_MAKEUP_WORKDAYS.map((d) => d.date));

const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The date itself when it is a working day, else the next working day. */
const workingDayFrom = (date: string) => (isWorkingDay(date, HOLIDAYS, MAKEUP) ? date : addWorkingDays(date, 1, HOLIDAYS, MAKEUP));
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

interface DemoMeeting {
  key: string;
  typeCode: string;
  title: string;
  description: string;
  state: MeetingState;
  date: string;
  from: string;
  to: string;
  venue: string | null;
  mode: MeetingMode;
  videoUrl?: string;
  hostEmail?: string;
  committee?: string;
  selection: Partial<InviteeSelection>;
  cancelReason?: string;
}

type Lookup = (email: string) => string;

/**
 * About eight meetings around today (issue 4's demo): a plenary next week with replies and leave
 * requests, a special consultation with materials, today's bi-monthly forum with arranged speeches,
 * last month's standing committee with final attendance, a cancelled, a draft and two in preparation.
 * Runs inside the demo seed's transaction; skipped when any meeting exists, so it is idempotent.
 */
export async function seedDemoMeetings(m: EntityManager, now = new Date()): Promise<void> {
  const [any] = await m.query(`SELECT 1 FROM meetings LIMIT 1`);
  if (any) return;
  const users: Array<{ id: string; email: string }> = await m.query(`SELECT id, email FROM users`);
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const user: Lookup = (email) => {
    const id = byEmail.get(email);
    if (!id) throw new Error(`demo seed: no user ${email}`);
    return id;
  };
  const unitId = async (table: string, name: string): Promise<string> => (await m.query(`SELECT id FROM ${table} WHERE name = $1`, [name]))[0].id;
  const members = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `member${String(from + i).padStart(2, '0')}@demo.local`);

  // Committee heads (主任): member01 … member06 belong to the six committees in order.
  const committeeRows: Array<{ id: string }> = await m.query(`SELECT id FROM committees ORDER BY sort_order, name`);
  for (const [i, c] of committeeRows.entries()) {
    const head = byEmail.get(members(i + 1, i + 1)[0]);
    if (head) await m.query(`UPDATE committees SET head_user_id = $2 WHERE id = $1 AND head_user_id IS NULL`, [c.id, head]);
  }

  const today = localDate(now, ZONE);
  const meetings: DemoMeeting[] = [
    {
      key: 'plenary', typeCode: 'plenary', title: '市政协十四届五次会议全体会议', state: 'notified',
      description: '听取和审议常务委员会工作报告、提案工作情况报告，开展大会发言。',
      date: workingDayFrom(plusDays(today, 7)), from: '09:00', to: '12:00', venue: '市政协大礼堂', mode: 'in_person',
      hostEmail: 'chair@demo.local', selection: { groups: ['all_members'] },
    },
    {
      key: 'special', typeCode: 'special_consultation', title: '推动民营经济高质量发展专题协商会', state: 'materials_sent',
      description: '围绕优化营商环境、缓解融资难题开展专题协商，市发展和改革委员会到会听取意见。',
      date: workingDayFrom(plusDays(today, 21)), from: '14:30', to: '17:30', venue: '市政协三楼会议室', mode: 'in_person',
      hostEmail: 'chair@demo.local', committee: '经济委员会',
      selection: { sectorIds: [await unitId('sectors', '经济界'), await unitId('sectors', '科学技术界')], userIds: [user('dept01@demo.local')] },
    },
    {
      key: 'forum', typeCode: 'consultation_forum', title: '双月协商座谈会：加强城市生态环境治理', state: 'notified',
      description: '通报全市生态环境治理进展，委员提问、部门解答、交流发言和自由讨论。',
      date: today, from: '14:30', to: '17:00', venue: '政协二楼会议室', mode: 'hybrid', videoUrl: 'https://meet.jit.si/Xieshang-DemoForum2026',
      hostEmail: 'chair@demo.local', committee: '人口资源环境委员会', selection: { userIds: members(1, 20).map(user) },
    },
    {
      key: 'standing', typeCode: 'standing_committee', title: '市政协十四届常委会第十二次会议', state: 'minutes',
      description: '协商讨论年度重点协商计划执行情况。',
      date: workingDayFrom(plusDays(today, -30)), from: '09:00', to: '11:30', venue: '市政协常委会议室', mode: 'in_person',
      hostEmail: 'chair@demo.local', selection: { groups: ['standing_committee'] },
    },
    {
      key: 'cancelled', typeCode: 'counterpart_consultation', title: '“双减”政策落实情况对口协商', state: 'cancelled',
      description: '教科卫体委员会与市教育局对口协商。',
      date: workingDayFrom(plusDays(today, 10)), from: '09:30', to: '11:30', venue: '市教育局会议室', mode: 'in_person',
      committee: '教科卫体委员会', selection: { committeeIds: [await unitId('committees', '教科卫体委员会')], userIds: [user('dept03@demo.local')] },
      cancelReason: '承办部门主要负责同志另有公务，会议延期，时间另行通知。',
    },
    {
      key: 'draft', typeCode: 'proposal_consultation', title: '重点提案办理协商会', state: 'planned',
      description: '就年度重点提案办理情况与承办单位协商。',
      date: workingDayFrom(plusDays(today, 42)), from: '14:30', to: '17:00', venue: null, mode: 'in_person',
      committee: '提案委员会', selection: {},
    },
    {
      key: 'sector', typeCode: 'sector_consultation', title: '提升乡村医疗服务能力界别协商', state: 'preparing',
      description: '农业界、医药卫生界委员共同协商。',
      date: workingDayFrom(plusDays(today, 14)), from: '09:00', to: '11:30', venue: '政协二楼会议室', mode: 'in_person',
      committee: '教科卫体委员会', selection: { sectorIds: [await unitId('sectors', '农业界'), await unitId('sectors', '医药卫生界')] },
    },
    {
      key: 'remote', typeCode: 'remote_consultation', title: '网络议政远程协商会：老旧小区改造', state: 'preparing',
      description: '常委通过视频参加，市民意见同步征集。',
      date: workingDayFrom(plusDays(today, 35)), from: '15:00', to: '16:30', venue: null, mode: 'remote', videoUrl: 'https://meet.jit.si/Xieshang-DemoRemote2026',
      selection: { groups: ['standing_committee'] },
    },
  ];

  const ids = new Map<string, string>();
  for (const d of meetings) ids.set(d.key, await insertMeeting(m, d, user, unitId));

  const replies = async (key: string, states: Partial<Record<InvitationState, string[]>>, extra: (email: string, state: InvitationState) => Record<string, unknown> = () => ({})) => {
    for (const [state, emails] of Object.entries(states) as Array<[InvitationState, string[]]>) {
      for (const email of emails) {
        const e = extra(email, state);
        await m.query(
          `UPDATE meeting_invitations SET state = $3, responded_at = now() - interval '1 day', leave_reason = $4, leave_comment = $5, leave_decided_by = $6,
             leave_decided_at = $7, check_in_mode = $8, checked_in_at = $9 WHERE meeting_id = $1 AND user_id = $2`,
          [ids.get(key), user(email), state, e.leaveReason ?? null, e.leaveComment ?? null, e.decidedBy ?? null, e.decidedAt ?? null, e.mode ?? null, e.checkedInAt ?? null],
        );
      }
    }
  };

  // Plenary: replies coming in, two leave requests waiting for the chair, one already approved.
  const leaveReasons: Record<string, string> = {
    'member16@demo.local': '赴外地参加行业协会年会，无法按时返回。',
    'member17@demo.local': '单位承担的重点项目当日验收，需本人到场。',
    'member18@demo.local': '因病住院治疗。',
  };
  await replies('plenary', { accepted: members(1, 15), leave_requested: members(16, 17), leave_approved: members(18, 18) }, (email, state) => ({
    leaveReason: leaveReasons[email],
    ...(state === 'leave_approved' ? { leaveComment: '同意，祝早日康复。', decidedBy: user('chair@demo.local'), decidedAt: new Date(now.getTime() - 3_600_000) } : {}),
  }));
  await replies('forum', { accepted: members(1, 12), declined: members(19, 19) });

  // Last month's standing committee: checked in, one excused, the rest absent; attendance final.
  const standing: Array<{ id: string; user_id: string }> = await m.query(`SELECT id, user_id FROM meeting_invitations WHERE meeting_id = $1 ORDER BY user_id`, [ids.get('standing')]);
  const startedAt = new Date(at(meetings[3].date, '08:50'));
  for (const [i, inv] of standing.entries()) {
    const state: InvitationState = i === 1 ? 'leave_approved' : i === standing.length - 1 ? 'accepted' : 'checked_in';
    const mode = state === 'checked_in' ? (i % 5 === 0 ? 'remote' : 'room') : null;
    await m.query(
      `UPDATE meeting_invitations SET state = $2, check_in_mode = $3, checked_in_at = $4, leave_reason = $5, leave_decided_by = $6, leave_decided_at = $7, attendance = $8 WHERE id = $1`,
      [inv.id, state, mode, mode ? startedAt : null, state === 'leave_approved' ? '出差在外。' : null, state === 'leave_approved' ? user('chair@demo.local') : null,
        state === 'leave_approved' ? startedAt : null, finalAttendance({ state, checkInMode: mode }).status],
    );
  }

  // Today's forum: two oral speeches in order and one waiting for review.
  const forum = ids.get('forum');
  const speeches: Array<[string, string, string, string, number | null]> = [
    ['member03@demo.local', '关于推进河湖长制落地见效的建议', '建议建立河湖长履职评价机制，将水质改善纳入考核……', 'oral', 1],
    ['member05@demo.local', '关于加快建筑垃圾资源化利用的思考', '我市建筑垃圾年产生量大，资源化利用率偏低，建议……', 'oral', 2],
    ['member07@demo.local', '关于完善社区垃圾分类激励机制的建议', '建议推广积分兑换，探索“绿色账户”……', 'submitted', null],
  ];
  for (const [email, title, content, state, order] of speeches) {
    await m.query(
      `INSERT INTO meeting_speeches (meeting_id, author_id, title, content, state, oral_order, submitted_at, reviewed_by, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - interval '3 days', $7, $8)`,
      [forum, user(email), title, content, state, order, state === 'oral' ? user('admin@demo.local') : null, state === 'oral' ? new Date(now.getTime() - 86_400_000) : null],
    );
  }

  // The special consultation's materials went out.
  const plan = Buffer.from('推动民营经济高质量发展专题协商会工作方案\n\n一、协商主题\n二、时间地点\n三、参加人员\n四、议程安排\n', 'utf8');
  await m.query(
    `INSERT INTO meeting_materials (meeting_id, file_name, mime_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, 'text/plain', $3, encode(sha256($4::bytea), 'hex'), $4, $5)`,
    [ids.get('special'), '专题协商会工作方案.txt', plan.length, plan, user('admin@demo.local')],
  );
}

async function insertMeeting(m: EntityManager, d: DemoMeeting, user: Lookup, unitId: (t: string, n: string) => Promise<string>): Promise<string> {
  const [type] = await m.query(`SELECT id, speaking_limit_minutes FROM meeting_types WHERE code = $1`, [d.typeCode]);
  const selection: InviteeSelection = { userIds: [], sectorIds: [], committeeIds: [], departmentIds: [], groups: [], ...d.selection };
  const agenda = DEFAULT_AGENDA.map((a) => ({ id: randomUUID(), ...a }));
  const [{ id }] = await m.query(
    `INSERT INTO meetings (type_id, title, description, state, starts_at, ends_at, venue, mode, video_url, host_id, committee_id, agenda, invitee_selection,
       speaking_limit_minutes, cancel_reason, created_by, reply_deadline)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13::jsonb,$14,$15,$16,$17) RETURNING id`,
    [
      type.id, d.title, d.description, d.state, at(d.date, d.from), at(d.date, d.to), d.venue, d.mode, d.videoUrl ?? null, d.hostEmail ? user(d.hostEmail) : null,
      d.committee ? await unitId('committees', d.committee) : null, JSON.stringify(agenda), JSON.stringify(selection), type.speaking_limit_minutes,
      d.cancelReason ?? null, user('admin@demo.local'), d.state === 'planned' ? null : at(plusDays(d.date, -2), '17:00'),
    ],
  );
  await m.query(
    `INSERT INTO meeting_invitations (meeting_id, user_id, state) SELECT $1, unnest($2::uuid[]), 'invited'`,
    [id, await expandSelection(m, selection)],
  );
  return id;
}
