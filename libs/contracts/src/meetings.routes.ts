import { z } from 'zod';
import { route } from './route-def';
import { IdParams, Ok, pageOf } from './common';
import {
  CheckInToken,
  ExportFormatQuery,
  Invitation,
  InvitationReply,
  LeaveDecision,
  LeaveRequest,
  LeaveRequestQuery,
  MATERIAL_MAX_BYTES,
  MATERIAL_MIME_TYPES,
  Meeting,
  MeetingInput,
  MeetingListQuery,
  MeetingPatch,
  MeetingSummary,
  MeetingTransitionInput,
  MeetingType,
  MeetingTypeInput,
  MeetingTypePatch,
  MemberAttendance,
  MemberAttendanceQuery,
  OrgSettings,
  OrgSettingsPatch,
  RoomCheckIn,
  SchedulingWarning,
  Speech,
  SpeechInput,
  SpeechOrder,
  SpeechPatch,
  SpeechTransitionInput,
} from './meetings';
import { CalendarFeed, MarkNotificationsRead, NotificationPage, NotificationQuery } from './notifications';

const MaterialParams = z.strictObject({ id: z.uuid(), materialId: z.uuid() });
const InvitationParams = z.strictObject({ id: z.uuid(), invitationId: z.uuid() });
const FeedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Meetings, invitations, leave, check-in, attendance, arranged speeches, calendar and settings. */
export const MeetingRoutes = {
  listMeetingTypes: route({ method: 'GET', path: '/meeting-types', tag: 'meetings', summary: 'Meeting types with their defaults', access: 'meetings.read', response: z.array(MeetingType) }),
  createMeetingType: route({ method: 'POST', path: '/meeting-types', tag: 'meetings', summary: 'Add a meeting type', access: 'meetings.manage', body: MeetingTypeInput, response: MeetingType }),
  updateMeetingType: route({ method: 'PATCH', path: '/meeting-types/:id', tag: 'meetings', summary: 'Edit a meeting type', access: 'meetings.manage', params: IdParams, body: MeetingTypePatch, response: MeetingType }),

  listMeetings: route({ method: 'GET', path: '/meetings', tag: 'meetings', summary: 'Meetings in a time range (calendar and list views)', access: 'meetings.read', query: MeetingListQuery, response: pageOf(MeetingSummary) }),
  getMeeting: route({ method: 'GET', path: '/meetings/:id', tag: 'meetings', summary: 'One meeting with agenda, materials, counts and warnings', access: 'meetings.read', params: IdParams, response: Meeting }),
  checkMeeting: route({ method: 'POST', path: '/meetings/check', tag: 'meetings', summary: 'Scheduling warnings for a draft meeting (or an edit of meetingId); saves nothing', access: 'meetings.manage', query: z.strictObject({ meetingId: z.uuid().optional() }), body: MeetingInput, response: z.object({ warnings: z.array(SchedulingWarning) }) }),
  createMeeting: route({ method: 'POST', path: '/meetings', tag: 'meetings', summary: 'Schedule a meeting and invite people', access: 'meetings.manage', body: MeetingInput, response: Meeting }),
  updateMeeting: route({ method: 'PATCH', path: '/meetings/:id', tag: 'meetings', summary: 'Edit a meeting; invitees are told of a time change', access: 'meetings.manage', params: IdParams, body: MeetingPatch, response: Meeting }),
  transitionMeeting: route({ method: 'POST', path: '/meetings/:id/transition', tag: 'meetings', summary: 'Move a meeting along its states', access: 'meetings.read', params: IdParams, body: MeetingTransitionInput, response: Meeting }),
  uploadMaterial: route({ method: 'POST', path: '/meetings/:id/materials', tag: 'meetings', summary: 'Attach a material file', access: 'meetings.manage', params: IdParams, upload: { maxBytes: MATERIAL_MAX_BYTES, mimeTypes: MATERIAL_MIME_TYPES }, response: Meeting }),
  downloadMaterial: route({ method: 'GET', path: '/meetings/:id/materials/:materialId', tag: 'meetings', summary: 'Download a material (invitees, office, chair, leaders)', access: 'meetings.read', params: MaterialParams, produces: 'application/octet-stream' }),
  deleteMaterial: route({ method: 'DELETE', path: '/meetings/:id/materials/:materialId', tag: 'meetings', summary: 'Remove a material', access: 'meetings.manage', params: MaterialParams, response: Meeting }),
  meetingIcs: route({ method: 'GET', path: '/meetings/:id/calendar.ics', tag: 'calendar', summary: 'The meeting as an iCalendar file', access: 'meetings.read', params: IdParams, produces: 'text/calendar' }),

  listInvitations: route({ method: 'GET', path: '/meetings/:id/invitations', tag: 'invitations', summary: 'Invitees and their replies', access: 'meetings.read', params: IdParams, response: z.array(Invitation) }),
  myInvitation: route({ method: 'GET', path: '/meetings/:id/invitation', tag: 'invitations', summary: 'My invitation to this meeting', access: 'authenticated', params: IdParams, response: Invitation }),
  replyInvitation: route({ method: 'POST', path: '/meetings/:id/invitation', tag: 'invitations', summary: 'Accept, decline or ask for leave', access: 'authenticated', params: IdParams, body: InvitationReply, response: Invitation }),
  listLeaveRequests: route({ method: 'GET', path: '/leave-requests', tag: 'invitations', summary: 'Leave requests I decide', access: 'authenticated', query: LeaveRequestQuery, response: pageOf(LeaveRequest) }),
  decideLeave: route({ method: 'POST', path: '/invitations/:id/leave-decision', tag: 'invitations', summary: 'Approve or reject a leave request', access: 'authenticated', params: IdParams, body: LeaveDecision, response: Invitation }),
  checkInToken: route({ method: 'GET', path: '/meetings/:id/check-in-token', tag: 'invitations', summary: 'The rotating room check-in code (projector)', access: 'meetings.read', params: IdParams, response: CheckInToken }),
  checkInRoom: route({ method: 'POST', path: '/meetings/:id/check-in', tag: 'invitations', summary: 'Check in with the room code', access: 'authenticated', params: IdParams, body: RoomCheckIn, response: Invitation }),
  checkInStaff: route({ method: 'POST', path: '/meetings/:id/invitations/:invitationId/check-in', tag: 'invitations', summary: 'Staff check an invitee in', access: 'meetings.manage', params: InvitationParams, response: Invitation }),

  meetingAttendance: route({ method: 'GET', path: '/meetings/:id/attendance', tag: 'attendance', summary: 'Attendance of one meeting', access: 'attendance.read', params: IdParams, response: z.array(Invitation) }),
  exportMeetingAttendance: route({ method: 'GET', path: '/meetings/:id/attendance/export', tag: 'attendance', summary: 'Attendance of one meeting as CSV or XLSX', access: 'attendance.read', params: IdParams, query: ExportFormatQuery, produces: XLSX }),
  memberAttendance: route({ method: 'GET', path: '/attendance/members', tag: 'attendance', summary: 'Attendance per member for a year', access: 'attendance.read', query: MemberAttendanceQuery, response: pageOf(MemberAttendance) }),
  exportMemberAttendance: route({ method: 'GET', path: '/attendance/members/export', tag: 'attendance', summary: 'Attendance per member for a year as CSV or XLSX', access: 'attendance.read', query: MemberAttendanceQuery.omit({ page: true, pageSize: true }).extend(ExportFormatQuery.shape), produces: XLSX }),

  listSpeeches: route({ method: 'GET', path: '/meetings/:id/speeches', tag: 'speeches', summary: 'Arranged speeches (the office sees all, authors their own, everyone the accepted order)', access: 'meetings.read', params: IdParams, response: z.array(Speech) }),
  createSpeech: route({ method: 'POST', path: '/meetings/:id/speeches', tag: 'speeches', summary: 'Draft a speech for a meeting I am invited to', access: 'authenticated', params: IdParams, body: SpeechInput, response: Speech }),
  updateSpeech: route({ method: 'PATCH', path: '/speeches/:id', tag: 'speeches', summary: 'Edit my draft', access: 'authenticated', params: IdParams, body: SpeechPatch, response: Speech }),
  transitionSpeech: route({ method: 'POST', path: '/speeches/:id/transition', tag: 'speeches', summary: 'Submit, withdraw or review a speech', access: 'authenticated', params: IdParams, body: SpeechTransitionInput, response: Speech }),
  orderSpeeches: route({ method: 'PUT', path: '/meetings/:id/speeches/order', tag: 'speeches', summary: 'Set the running order of oral speeches', access: 'speeches.review', params: IdParams, body: SpeechOrder, response: z.array(Speech) }),

  getSettings: route({ method: 'GET', path: '/settings', tag: 'settings', summary: 'Time zone, conferencing and the holiday calendar', access: 'authenticated', response: OrgSettings }),
  updateSettings: route({ method: 'PATCH', path: '/settings', tag: 'settings', summary: 'Change organisation settings', access: 'settings.manage', body: OrgSettingsPatch, response: OrgSettings }),

  getCalendarFeed: route({ method: 'GET', path: '/calendar/feed', tag: 'calendar', summary: 'My personal calendar feed URL', access: 'authenticated', response: CalendarFeed }),
  rotateCalendarFeed: route({ method: 'POST', path: '/calendar/feed', tag: 'calendar', summary: 'Create or replace my calendar feed URL (the old one stops working)', access: 'authenticated', response: CalendarFeed }),
  revokeCalendarFeed: route({ method: 'DELETE', path: '/calendar/feed', tag: 'calendar', summary: 'Turn my calendar feed off', access: 'authenticated', response: Ok }),
  calendarFeedIcs: route({ method: 'GET', path: '/calendar/feed/:token/meetings.ics', tag: 'calendar', summary: 'iCalendar feed of my meetings (secret URL)', access: 'public', params: FeedParams, produces: 'text/calendar' }),
} as const;

export const NotificationRoutes = {
  listNotifications: route({ method: 'GET', path: '/notifications', tag: 'notifications', summary: 'My notifications, newest first', access: 'authenticated', query: NotificationQuery, response: NotificationPage }),
  markNotificationsRead: route({ method: 'POST', path: '/notifications/read', tag: 'notifications', summary: 'Mark notifications read', access: 'authenticated', body: MarkNotificationsRead, response: Ok }),
} as const;
