import { MEETING_STATES, ROLES, type MeetingState, type Role } from '@xieshang/contracts';
import { canDownloadMaterials, canSeeMeeting } from './visibility';

const viewer = (role: Role) => ({ id: `u-${role}`, roles: [role] });
const UNPUBLISHED: MeetingState[] = ['planned', 'preparing'];

describe('canSeeMeeting', () => {
  it.each(['admin', 'chair', 'leader'] as const)('%s sees every meeting in every state', (role) => {
    for (const state of MEETING_STATES) expect(canSeeMeeting(viewer(role), { state, invited: false })).toBe(true);
  });

  const others = ROLES.filter((r) => !['admin', 'chair', 'leader'].includes(r));
  const cases = others.flatMap((role) => MEETING_STATES.map((state) => ({ role, state })));

  it.each(cases)('$role, not invited, $state', ({ role, state }) => {
    const expected = !UNPUBLISHED.includes(state) && state !== 'cancelled';
    expect(canSeeMeeting(viewer(role), { state, invited: false })).toBe(expected);
  });

  it.each(others)('%s sees any meeting they are invited to, drafts and cancelled ones too', (role) => {
    for (const state of MEETING_STATES) expect(canSeeMeeting(viewer(role), { state, invited: true })).toBe(true);
  });

  it('counts a member who is also chair as chair', () => {
    expect(canSeeMeeting({ id: 'c', roles: ['member', 'chair'] }, { state: 'planned', invited: false })).toBe(true);
  });
});

describe('canDownloadMaterials', () => {
  it('allows invitees, the office, the chair and leaders only', () => {
    expect(canDownloadMaterials(viewer('member'), { invited: true })).toBe(true);
    expect(canDownloadMaterials(viewer('member'), { invited: false })).toBe(false);
    expect(canDownloadMaterials(viewer('observer'), { invited: false })).toBe(false);
    expect(canDownloadMaterials(viewer('department'), { invited: false })).toBe(false);
    for (const role of ['admin', 'chair', 'leader'] as const) expect(canDownloadMaterials(viewer(role), { invited: false })).toBe(true);
  });
});
