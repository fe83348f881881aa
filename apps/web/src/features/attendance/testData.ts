import type { Invitation, Meeting, Role, SessionUser, Speech } from '@xieshang/contracts';

/** Fixtures for this feature's specs (stubFetch answers), shaped by the contracts' types. */

export const MEETING_ID = '11111111-1111-4111-8111-111111111111';
export const OFFICE_ID = '22222222-2222-4222-8222-222222222222';
export const MEMBER_ID = '33333333-3333-4333-8333-333333333333';

export function sessionUser(roles: Role[], id = roles.includes('admin') ? OFFICE_ID : MEMBER_ID): SessionUser {
  return { id, email: 'x@demo.local', name: roles.includes('admin') ? '办公室' : '李委员', roles, isStandingCommittee: false, sectorId: null, committeeId: null, departmentId: null, locale: 'zh-CN' };
}

export function meeting(patch: Partial<Meeting> = {}): Meeting {
  return {
    id: MEETING_ID,
    title: '关于优化营商环境的专题协商会',
    typeId: '44444444-4444-4444-8444-444444444444',
    typeCode: 'special',
    typeNameZh: '专题协商会',
    typeNameEn: 'Special consultation',
    state: 'notified',
    startsAt: '2099-12-10T06:30:00.000Z',
    endsAt: '2099-12-10T09:00:00.000Z',
    venue: '政协常委会议室',
    mode: 'in_person',
    myInvitationState: 'invited',
    description: null,
    videoUrl: null,
    hostId: null,
    hostName: null,
    committeeId: null,
    planItemId: null,
    agenda: [],
    invitees: { userIds: [], sectorIds: [], committeeIds: [], departmentIds: [], groups: [] },
    replyDeadline: null,
    firstTimeFirst: false,
    speakingLimitMinutes: 5,
    cancelReason: null,
    counts: { invited: 0, accepted: 0, declined: 0, leaveRequested: 0, leaveApproved: 0, leaveRejected: 0, checkedIn: 0 },
    materials: [],
    warnings: [],
    allowedActions: [],
    version: 1,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...patch,
  };
}

let seq = 0;
const uuid = (n: number) => `55555555-5555-4555-8555-${String(n).padStart(12, '0')}`;

export function invitation(patch: Partial<Invitation> = {}): Invitation {
  seq += 1;
  return {
    id: uuid(seq),
    meetingId: MEETING_ID,
    userId: MEMBER_ID,
    name: '李委员',
    sectorName: '经济界',
    committeeName: null,
    departmentName: null,
    state: 'invited',
    checkInMode: null,
    checkedInAt: null,
    respondedAt: null,
    leaveReason: null,
    leaveComment: null,
    leaveDecidedByName: null,
    leaveDecidedAt: null,
    attendance: null,
    ...patch,
  };
}

export function speech(patch: Partial<Speech> = {}): Speech {
  seq += 1;
  return {
    id: uuid(1000 + seq),
    meetingId: MEETING_ID,
    authorId: MEMBER_ID,
    authorName: '李委员',
    sectorName: '经济界',
    title: '发言',
    content: '发言内容',
    state: 'draft',
    reviewComment: null,
    oralOrder: null,
    submittedAt: null,
    updatedAt: '2026-11-20T00:00:00.000Z',
    allowedActions: [],
    ...patch,
  };
}

export const settings = { timeZone: 'Asia/Shanghai', jitsiBaseUrl: null, holidays: [], makeupWorkdays: [], emailEnabled: false };

export const jsonBody = (init: RequestInit): unknown => JSON.parse(String(init.body));

/** Put text into a field the way a phone's keyboard suggestion or IME commit does: one input event, not one per character. */
export async function fillIn(field: HTMLElement, text: string): Promise<void> {
  const { default: userEvent } = await import('@testing-library/user-event');
  await userEvent.click(field);
  await userEvent.paste(text);
}
