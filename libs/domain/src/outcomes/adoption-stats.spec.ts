import { adoptionBuckets } from './adoption-stats';
import { canRecordInstruction, canSeeAssignment, outcomeScope } from './outcome-access';

describe('adoptionBuckets', () => {
  it('counts per key and rates adopted + partly over all', () => {
    const rows = [
      { key: 'd2', label: '交通局', adoption: 'adopted' as const },
      { key: 'd1', label: '教育局', adoption: 'partly' as const },
      { key: 'd1', label: '教育局', adoption: 'not_adopted' as const },
      { key: 'd1', label: '教育局', adoption: 'under_study' as const },
    ];
    expect(adoptionBuckets(rows)).toEqual([
      { key: 'd1', label: '教育局', adopted: 0, partly: 1, under_study: 1, not_adopted: 1, total: 3, rate: 0.333 },
      { key: 'd2', label: '交通局', adopted: 1, partly: 0, under_study: 0, not_adopted: 0, total: 1, rate: 1 },
    ]);
  });

  it('is empty without rows', () => {
    expect(adoptionBuckets([])).toEqual([]);
  });
});

describe('outcome access', () => {
  it.each([
    [{ id: 'a', roles: ['admin'] }, { kind: 'all' }],
    [{ id: 'c', roles: ['chair'] }, { kind: 'all' }],
    [{ id: 'l', roles: ['leader'] }, { kind: 'all' }],
    [{ id: 'd', roles: ['department'], departmentId: 'dept-a' }, { kind: 'department', departmentId: 'dept-a' }],
    [{ id: 'd', roles: ['department'], departmentId: null }, { kind: 'none' }],
    [{ id: 'm', roles: ['member'], departmentId: 'dept-a' }, { kind: 'none' }],
  ] as const)('%o sees %o', (actor, scope) => {
    expect(outcomeScope(actor)).toEqual(scope);
  });

  it('a liaison sees only their own department', () => {
    const liaison = { id: 'd', roles: ['department'] as const, departmentId: 'dept-a' };
    expect(canSeeAssignment(liaison, 'dept-a')).toBe(true);
    expect(canSeeAssignment(liaison, 'dept-b')).toBe(false);
    expect(canSeeAssignment({ id: 'a', roles: ['admin'] }, 'dept-b')).toBe(true);
  });

  it('instructions are recorded by the office or a leader', () => {
    expect(canRecordInstruction({ id: 'a', roles: ['admin'] })).toBe(true);
    expect(canRecordInstruction({ id: 'l', roles: ['leader'] })).toBe(true);
    expect(canRecordInstruction({ id: 'c', roles: ['chair'] })).toBe(false);
    expect(canRecordInstruction({ id: 'd', roles: ['department'], departmentId: 'x' })).toBe(false);
  });
});
