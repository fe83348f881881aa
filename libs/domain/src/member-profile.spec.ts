import { memberProfileIssues } from './member-profile';

describe('member profile rules', () => {
  it('requires a department for a department liaison, and only for them', () => {
    expect(memberProfileIssues({ roles: ['department'], departmentId: null })).toEqual([{ field: 'departmentId', code: 'required' }]);
    expect(memberProfileIssues({ roles: ['member', 'department'], departmentId: undefined })).toHaveLength(1);
    expect(memberProfileIssues({ roles: ['department'], departmentId: 'd1' })).toEqual([]);
    expect(memberProfileIssues({ roles: ['member'], departmentId: null })).toEqual([]);
  });
});
