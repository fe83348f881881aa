import { canReadDutyRecord, canSeeAllDutyRecords } from './access';

const member = { id: 'm1', roles: ['member'] as const };
const chair = { id: 'c', roles: ['chair', 'member'] as const };
const admin = { id: 'a', roles: ['admin'] as const };
const dept = { id: 'd', roles: ['department'] as const };

describe('duty record access', () => {
  it('a member reads only their own record', () => {
    expect(canReadDutyRecord(member, 'm1')).toBe(true);
    expect(canReadDutyRecord(member, 'm2')).toBe(false);
    expect(canSeeAllDutyRecords(member)).toBe(false);
  });

  it('the office and the chair read everyone’s; a department liaison nobody else’s', () => {
    for (const v of [admin, chair]) {
      expect(canSeeAllDutyRecords(v)).toBe(true);
      expect(canReadDutyRecord(v, 'm2')).toBe(true);
    }
    expect(canReadDutyRecord(dept, 'm2')).toBe(false);
  });
});
