import type { Role } from '@xieshang/contracts';

export interface MemberProfileIssue {
  field: 'departmentId';
  code: 'required';
}

/**
 * Rules an account's profile must satisfy, whichever way it is written (form, API, import):
 * a department liaison speaks for a department, so they must belong to one.
 */
export function memberProfileIssues(p: { roles: readonly Role[]; departmentId: string | null | undefined }): MemberProfileIssue[] {
  return p.roles.includes('department') && !p.departmentId ? [{ field: 'departmentId', code: 'required' }] : [];
}
