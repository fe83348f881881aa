import type { Meeting, MeetingSummary, MeetingType, OrgSettings, SessionUser } from '@xieshang/contracts';

/* Shared sample data for the meetings and settings specs (stubFetch answers). */

export const OFFICE_USER: SessionUser = {
  id: '0b7f8a10-1111-4c1d-8e9f-0a1b2c3d4e01',
  email: 'office@example.org',
  name: '办公室张主任',
  roles: ['admin'],
  isStandingCommittee: false,
  sectorId: null,
  committeeId: null,
  departmentId: null,
  locale: 'zh-CN',
};

export const MEMBER_USER: SessionUser = { ...OFFICE_USER, id: '0b7f8a10-2222-4c1d-8e9f-0a1b2c3d4e02', email: 'li@example.org', name: '李委员', roles: ['member'] };

export const SETTINGS: OrgSettings = { timeZone: 'Asia/Shanghai', jitsiBaseUrl: null, holidays: [], makeupWorkdays: [], emailEnabled: false };

export const SPECIAL_CONSULTATION: MeetingType = {
  id: '5d2c1b0a-3333-4c1d-8e9f-0a1b2c3d4e03',
  code: 'special_consultation',
  nameZh: '专题协商会',
  nameEn: 'Special consultation',
  noticeWorkingDays: 15,
  materialsWorkingDays: 10,
  leaveApprover: 'committee_head',
  speakingLimitMinutes: 5,
  defaultAgenda: [
    { title: '情况通报', kind: 'briefing' },
    { title: '交流发言', kind: 'arranged_speeches' },
  ],
  active: true,
  sortOrder: 10,
};

export const MEETING_ID = '7a6b5c4d-4444-4c1d-8e9f-0a1b2c3d4e04';

export function summary(over: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    id: MEETING_ID,
    title: '优化营商环境专题协商会',
    typeId: SPECIAL_CONSULTATION.id,
    typeCode: SPECIAL_CONSULTATION.code,
    typeNameZh: SPECIAL_CONSULTATION.nameZh,
    typeNameEn: SPECIAL_CONSULTATION.nameEn,
    state: 'notified',
    startsAt: '2026-11-23T17:00:00.000Z',
    endsAt: '2026-11-23T19:00:00.000Z',
    venue: '政协二楼会议室',
    mode: 'in_person',
    myInvitationState: null,
    ...over,
  };
}

export function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    ...summary(),
    description: null,
    videoUrl: null,
    hostId: null,
    hostName: null,
    committeeId: null,
    planItemId: null,
    agenda: [{ id: '1c2d3e4f-5555-4c1d-8e9f-0a1b2c3d4e05', title: '情况通报', kind: 'briefing' }],
    invitees: { userIds: [], sectorIds: [], committeeIds: [], departmentIds: [], groups: ['all_members'] },
    replyDeadline: null,
    firstTimeFirst: false,
    speakingLimitMinutes: 5,
    cancelReason: null,
    counts: { invited: 40, accepted: 12, declined: 1, leaveRequested: 2, leaveApproved: 1, leaveRejected: 0, checkedIn: 0 },
    materials: [],
    warnings: [],
    allowedActions: [],
    version: 1,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

export const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 200 });
