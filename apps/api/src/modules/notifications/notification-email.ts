import type { Locale, NotificationKind } from '@xieshang/contracts';

/*
 * Email copies of notifications, in the recipient's language. The web app has its own texts
 * (i18n notifications.json); these are the plain sentences an email needs, kept in one place.
 */

type Params = Record<string, string | number | boolean>;
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}
export interface EmailContext {
  locale: Locale;
  timeZone: string;
  orgName: string;
  /** absolute address of the notification's page, when PUBLIC_URL is known */
  url: string | null;
}

type Lines = (p: Params, v: Vars) => { subject: string; body: string };
interface Vars {
  title: string;
  when: string;
  venue: string;
}

const SPEECH_STATES: Record<Locale, Record<string, string>> = {
  'zh-CN': { oral: '安排大会口头发言', written_only: '作书面交流', needs_revision: '需要修改后重新提交', diverted: '转其他渠道办理', in_review: '审核中' },
  en: { oral: 'accepted for an oral speech', written_only: 'accepted as a written contribution', needs_revision: 'returned for revision', diverted: 'referred to another channel', in_review: 'under review' },
};

const str = (p: Params, k: string) => (p[k] === undefined || p[k] === null ? '' : String(p[k]));

const TEXTS: Record<Locale, Record<NotificationKind, Lines>> = {
  'zh-CN': {
    invited: (_, v) => ({ subject: `会议通知：${v.title}`, body: `您受邀参加“${v.title}”。\n时间：${v.when}${v.venue ? `\n地点：${v.venue}` : ''}\n请及时登录系统回复是否参加；如不能出席，请按规定请假。` }),
    time_changed: (_, v) => ({ subject: `会议变更：${v.title}`, body: `“${v.title}”的时间或地点已调整。\n时间：${v.when}${v.venue ? `\n地点：${v.venue}` : ''}` }),
    meeting_cancelled: (p, v) => ({ subject: `会议取消：${v.title}`, body: `“${v.title}”已取消。${str(p, 'reason') ? `\n原因：${str(p, 'reason')}` : ''}` }),
    materials_added: (_, v) => ({ subject: `会议材料：${v.title}`, body: `“${v.title}”有新的会议材料，请登录系统查阅。` }),
    leave_requested: (p, v) => ({ subject: `请假审批：${str(p, 'name')}（${v.title}）`, body: `${str(p, 'name') || '有委员'}申请请假，不能出席“${v.title}”，请登录系统审批。${str(p, 'reason') ? `\n请假事由：${str(p, 'reason')}` : ''}` }),
    leave_decided: (p, v) => ({
      subject: `请假审批结果：${v.title}`,
      body: `您“${v.title}”的请假申请${p.approved ? '已获批准' : '未获批准，请按时出席'}。${str(p, 'comment') ? `\n审批意见：${str(p, 'comment')}` : ''}`,
    }),
    speech_reviewed: (p, v) => ({ subject: `发言材料审核结果：${v.title}`, body: `您提交的发言材料“${v.title}”审核结果：${SPEECH_STATES['zh-CN'][str(p, 'state')] ?? str(p, 'state')}。${str(p, 'comment') ? `\n审核意见：${str(p, 'comment')}` : ''}` }),
    reminder_24h: (_, v) => ({ subject: `会议提醒：${v.title}（24小时内召开）`, body: `“${v.title}”将于${v.when}召开${v.venue ? `，地点：${v.venue}` : ''}。请准时出席。` }),
    reminder_1h: (_, v) => ({ subject: `会议提醒：${v.title}（1小时内开始）`, body: `“${v.title}”将于${v.when}开始${v.venue ? `，地点：${v.venue}` : ''}。` }),
    cosign_requested: (p, v) => ({ subject: `联名邀请：${v.title}`, body: `${str(p, 'name') || '有委员'}邀请您联名提出议题“${v.title}”，请登录系统在“我的议题”中确认或谢绝。` }),
    outcome_assigned: (p, v) => ({ subject: `成果交办：${v.title}`, body: `“${v.title}”已交由${str(p, 'departmentName') || '贵单位'}办理，请于${str(p, 'deadline')}前登录系统报送办理情况。` }),
    outcome_sent_back: (p, v) => ({ subject: `办理反馈退回：${v.title}`, body: `“${v.title}”的办理反馈已被退回，请修改后重新报送。${str(p, 'comment') ? `\n退回意见：${str(p, 'comment')}` : ''}` }),
    outcome_overdue: (p, v) => ({ subject: `逾期提醒：${v.title}`, body: `“${v.title}”的办理反馈期限为${str(p, 'deadline')}，现已逾期，请尽快登录系统报送。` }),
  },
  en: {
    invited: (_, v) => ({ subject: `Invitation: ${v.title}`, body: `You are invited to "${v.title}".\nWhen: ${v.when}${v.venue ? `\nWhere: ${v.venue}` : ''}\nPlease reply in the app, or ask for leave if you cannot attend.` }),
    time_changed: (_, v) => ({ subject: `Changed: ${v.title}`, body: `The time or place of "${v.title}" has changed.\nWhen: ${v.when}${v.venue ? `\nWhere: ${v.venue}` : ''}` }),
    meeting_cancelled: (p, v) => ({ subject: `Cancelled: ${v.title}`, body: `"${v.title}" has been cancelled.${str(p, 'reason') ? `\nReason: ${str(p, 'reason')}` : ''}` }),
    materials_added: (_, v) => ({ subject: `Materials: ${v.title}`, body: `New materials were added to "${v.title}". Open the app to read them.` }),
    leave_requested: (p, v) => ({ subject: `Leave request: ${str(p, 'name')} (${v.title})`, body: `${str(p, 'name') || 'A member'} asks for leave from "${v.title}". Please decide in the app.${str(p, 'reason') ? `\nReason: ${str(p, 'reason')}` : ''}` }),
    leave_decided: (p, v) => ({
      subject: `Leave ${p.approved ? 'approved' : 'not approved'}: ${v.title}`,
      body: `Your leave request for "${v.title}" was ${p.approved ? 'approved' : 'not approved; please attend'}.${str(p, 'comment') ? `\nComment: ${str(p, 'comment')}` : ''}`,
    }),
    speech_reviewed: (p, v) => ({ subject: `Speech reviewed: ${v.title}`, body: `Your speech "${v.title}" was ${SPEECH_STATES.en[str(p, 'state')] ?? str(p, 'state')}.${str(p, 'comment') ? `\nComment: ${str(p, 'comment')}` : ''}` }),
    reminder_24h: (_, v) => ({ subject: `Reminder: ${v.title} (within 24 hours)`, body: `"${v.title}" starts ${v.when}${v.venue ? ` at ${v.venue}` : ''}.` }),
    reminder_1h: (_, v) => ({ subject: `Reminder: ${v.title} (within the hour)`, body: `"${v.title}" starts ${v.when}${v.venue ? ` at ${v.venue}` : ''}.` }),
    cosign_requested: (p, v) => ({ subject: `Co-sign request: ${v.title}`, body: `${str(p, 'name') || 'A member'} invites you to co-sign the topic "${v.title}". Confirm or decline under My topics.` }),
    outcome_assigned: (p, v) => ({ subject: `Assigned: ${v.title}`, body: `"${v.title}" was assigned to ${str(p, 'departmentName') || 'your department'}. Please report on it in the app by ${str(p, 'deadline')}.` }),
    outcome_sent_back: (p, v) => ({ subject: `Feedback sent back: ${v.title}`, body: `Your feedback on "${v.title}" was sent back; please revise and resubmit it.${str(p, 'comment') ? `\nComment: ${str(p, 'comment')}` : ''}` }),
    outcome_overdue: (p, v) => ({ subject: `Overdue: ${v.title}`, body: `Feedback on "${v.title}" was due ${str(p, 'deadline')}. Please report in the app as soon as possible.` }),
  },
};

const FOOTER: Record<Locale, (org: string) => string> = {
  'zh-CN': (org) => `${org} · 协商平台（本邮件由系统自动发送，请勿直接回复）`,
  en: (org) => `${org} · Xieshang (automatic message, please do not reply)`,
};
const OPEN: Record<Locale, string> = { 'zh-CN': '查看详情', en: 'Open in Xieshang' };
const COLON: Record<Locale, string> = { 'zh-CN': '：', en: ': ' };

function formatWhen(iso: string, locale: Locale, timeZone: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(d);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderNotificationEmail(kind: NotificationKind, params: Params, ctx: EmailContext): EmailContent {
  const vars: Vars = { title: str(params, 'title'), when: formatWhen(str(params, 'startsAt'), ctx.locale, ctx.timeZone), venue: str(params, 'venue') };
  const { subject, body } = TEXTS[ctx.locale][kind](params, vars);
  const footer = FOOTER[ctx.locale](ctx.orgName);
  const text = [body, ctx.url ? `\n${OPEN[ctx.locale]}${COLON[ctx.locale]}${ctx.url}` : '', `\n--\n${footer}`].join('\n').replace(/\n{3,}/g, '\n\n');
  const paragraphs = body.split('\n').map((l) => `<p style="margin:0 0 8px">${escapeHtml(l)}</p>`).join('');
  const link = ctx.url ? `<p><a href="${escapeHtml(ctx.url)}">${escapeHtml(OPEN[ctx.locale])}</a></p>` : '';
  const html = `<!doctype html><html lang="${ctx.locale}"><body style="font-family:sans-serif;line-height:1.6">${paragraphs}${link}<hr><p style="color:#888;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}
