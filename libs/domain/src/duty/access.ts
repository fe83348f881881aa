import type { Role } from '@xieshang/contracts';

type Viewer = { id: string; roles: readonly Role[] };

/** The office and the chair see every member's record, the ranking and the exports. */
export function canSeeAllDutyRecords(viewer: Viewer): boolean {
  return viewer.roles.includes('admin') || viewer.roles.includes('chair');
}

/** A member reads only their own record. */
export function canReadDutyRecord(viewer: Viewer, memberId: string): boolean {
  return viewer.id === memberId || canSeeAllDutyRecords(viewer);
}
