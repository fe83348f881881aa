import type { Permission, Role, RouteAccess } from '@xieshang/contracts';

/** Which roles hold which permission. The API enforces these; the web hides what a user cannot do. */
export const ROLE_GRANTS: Record<Permission, readonly Role[]> = {
  'directory.read': ['admin', 'chair', 'member', 'department', 'leader', 'observer'],
  'members.manage': ['admin'],
  'org.read': ['admin', 'chair', 'member', 'department', 'leader', 'observer'],
  'org.manage': ['admin'],
  'audit.read': ['admin', 'chair'],
  'meetings.read': ['admin', 'chair', 'member', 'department', 'leader', 'observer'],
  'meetings.manage': ['admin'],
  'attendance.read': ['admin', 'chair', 'leader'],
  'speeches.review': ['admin'],
  'settings.manage': ['admin'],
  // Leaders read the pool before approving the plan; observers do not take part in topic work.
  'topics.read': ['admin', 'chair', 'member', 'department', 'leader'],
  'topics.submit': ['admin', 'chair', 'member', 'department'],
  'topics.screen': ['admin', 'chair'],
  // Everyone signed in may open the plans page; drafts stay with the office, chairs and leaders (canSeePlan).
  'plans.read': ['admin', 'chair', 'member', 'department', 'leader', 'observer'],
  'plans.manage': ['admin'],
  // Which documents a person sees (the meeting's participants, assigned editors) is the service's check.
  'documents.read': ['admin', 'chair', 'member', 'department', 'leader', 'observer'],
  'documents.manage': ['admin'],
  // Leaders follow the outcomes sent to them; department liaisons see only their own assignments.
  'outcomes.read': ['admin', 'chair', 'leader', 'department'],
  'outcomes.manage': ['admin'],
  'outcomes.respond': ['department'],
  // Every member reads their own duty record; the office and the chair see everyone's.
  'duty.read': ['admin', 'chair', 'member'],
  'duty.manage': ['admin'],
};

export interface Actor {
  id: string;
  roles: readonly Role[];
}

export function hasPermission(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const granted = ROLE_GRANTS[permission];
  return actor.roles.some((r) => granted.includes(r));
}

export function canAccess(actor: Actor | null | undefined, access: RouteAccess): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access === 'authenticated') return true;
  return hasPermission(actor, access);
}

/** Contact details (phone, email) in the directory are for the office and the chair. */
export function canSeeContactDetails(actor: Actor, targetId: string): boolean {
  return actor.id === targetId || actor.roles.includes('admin') || actor.roles.includes('chair');
}

/**
 * An admin may not remove their own admin role or deactivate themselves:
 * that is how a committee locks itself out of its own platform.
 */
export function checkSelfEdit(actor: Actor, targetId: string, patch: { roles?: readonly Role[]; active?: boolean }): 'ok' | 'SELF_LOCKOUT' {
  if (actor.id !== targetId) return 'ok';
  if (patch.active === false) return 'SELF_LOCKOUT';
  if (patch.roles && actor.roles.includes('admin') && !patch.roles.includes('admin')) return 'SELF_LOCKOUT';
  return 'ok';
}
