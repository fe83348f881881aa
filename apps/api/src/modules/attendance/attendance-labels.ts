import type { AttendanceStatus, Invitation, InvitationState, Locale } from '@xieshang/contracts';

/** Export headings and values in the viewer's language (users.locale); the web app has its own copies. */
export interface AttendanceLabels {
  meetingSheet: string;
  meetingFile: (title: string) => string;
  meetingColumns: string[];
  memberSheet: string;
  memberFile: (year: number) => string;
  memberColumns: string[];
  state: Record<InvitationState, string>;
  checkInMode: Record<NonNullable<Invitation['checkInMode']>, string>;
  attendance: Record<AttendanceStatus, string>;
}

const ZH: AttendanceLabels = {
  meetingSheet: '出席情况',
  meetingFile: (title) => `${title}-出席情况`,
  meetingColumns: ['姓名', '界别', '专委会', '单位', '回复', '请假/不参加事由', '审批意见', '签到方式', '签到时间', '出席情况'],
  memberSheet: '委员出席统计',
  memberFile: (year) => `${year}年委员出席统计`,
  memberColumns: ['姓名', '界别', '应出席', '出席', '请假', '缺席', '出席率'],
  state: {
    invited: '未回复', accepted: '参加', declined: '不参加', leave_requested: '请假待批',
    leave_approved: '请假已批准', leave_rejected: '请假未批准', checked_in: '已签到',
  },
  checkInMode: { room: '现场扫码', remote: '远程', staff: '工作人员代签' },
  attendance: { present: '出席', excused: '请假', absent: '缺席' },
};

const EN: AttendanceLabels = {
  meetingSheet: 'Attendance',
  meetingFile: (title) => `${title} - attendance`,
  meetingColumns: ['Name', 'Sector', 'Committee', 'Department', 'Reply', 'Reason for absence', 'Leave decision comment', 'Check-in', 'Checked in at', 'Attendance'],
  memberSheet: 'Member attendance',
  memberFile: (year) => `Member attendance ${year}`,
  memberColumns: ['Name', 'Sector', 'Invited', 'Present', 'Excused', 'Absent', 'Attendance rate'],
  state: {
    invited: 'No reply', accepted: 'Accepted', declined: 'Declined', leave_requested: 'Leave requested',
    leave_approved: 'Leave approved', leave_rejected: 'Leave refused', checked_in: 'Checked in',
  },
  checkInMode: { room: 'In the room (QR)', remote: 'Remote', staff: 'By staff' },
  attendance: { present: 'Present', excused: 'Excused', absent: 'Absent' },
};

export function attendanceLabels(locale: Locale): AttendanceLabels {
  return locale === 'en' ? EN : ZH;
}

/** `YYYY-MM-DD HH:mm` in the organisation's time zone. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
