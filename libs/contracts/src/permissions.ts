/**
 * The vocabulary of permissions. Which role holds which lives in libs/domain (access.ts);
 * routes and socket commands name the permission they need.
 */
export const PERMISSIONS = [
  'directory.read',
  'members.manage',
  'org.read',
  'org.manage',
  'audit.read',
  'meetings.read',
  'meetings.manage',
  'attendance.read',
  'speeches.review',
  'settings.manage',
  'topics.read',
  'topics.submit',
  'topics.screen',
  'plans.read',
  'plans.manage',
  'documents.read',
  'documents.manage',
  'outcomes.read',
  'outcomes.manage',
  'outcomes.respond',
  'duty.read',
  'duty.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
