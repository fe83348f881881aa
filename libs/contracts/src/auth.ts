import { z } from 'zod';

export const ROLES = ['admin', 'chair', 'member', 'department', 'leader', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const LoginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  isStandingCommittee: z.boolean(),
  sectorId: z.uuid().nullable(),
  committeeId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  locale: Locale,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10).max(256),
});
export const UpdateMyPreferences = z.strictObject({ locale: Locale });

export const SESSION_COOKIE = 'xs_session';
export const CSRF_COOKIE = 'xs_csrf';
export const CSRF_HEADER = 'x-csrf-token';
