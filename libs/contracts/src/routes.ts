export * from './route-def';
import { z } from 'zod';
import { route, type RouteDef } from './route-def';
import { MeetingRoutes, NotificationRoutes } from './meetings.routes';
import { TopicRoutes } from './topics.routes';
import { PlanRoutes } from './plans.routes';
import { DocumentRoutes } from './documents.routes';
import { OutcomeRoutes } from './outcomes.routes';
import { DutyRoutes } from './duty.routes';
import { Health } from './health';
import { LoginRequest, SessionUser, ChangePasswordRequest, UpdateMyPreferences } from './auth';
import { IdParams, Ok, pageOf } from './common';
import { ImportPreview, ImportResult, Member, MemberInput, MemberListQuery, MemberPatch } from './members';
import { OrgKind, OrgUnit, OrgUnitInput, OrgUnitPatch } from './org';
import { AuditEntry, AuditQuery } from './audit';

const OrgParams = z.strictObject({ kind: OrgKind });
const OrgItemParams = z.strictObject({ kind: OrgKind, id: z.uuid() });
export const IMPORT_MIME_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
] as const;

export const CoreRoutes = {
  health: route({ method: 'GET', path: '/health', tag: 'system', summary: 'Liveness and database status', access: 'public', response: Health }),

  login: route({ method: 'POST', path: '/auth/login', tag: 'auth', summary: 'Log in; sets the session cookie', access: 'public', body: LoginRequest, response: SessionUser }),
  logout: route({ method: 'POST', path: '/auth/logout', tag: 'auth', summary: 'Log out; ends this session', access: 'public', response: Ok }),
  me: route({ method: 'GET', path: '/auth/me', tag: 'auth', summary: 'The logged-in user', access: 'authenticated', response: SessionUser }),
  updatePreferences: route({ method: 'PATCH', path: '/auth/me/preferences', tag: 'auth', summary: 'Change my language', access: 'authenticated', body: UpdateMyPreferences, response: SessionUser }),
  changePassword: route({ method: 'POST', path: '/auth/me/password', tag: 'auth', summary: 'Change my password; ends my other sessions', access: 'authenticated', body: ChangePasswordRequest, response: Ok }),

  listMembers: route({ method: 'GET', path: '/members', tag: 'members', summary: 'Member directory with search and filters', access: 'directory.read', query: MemberListQuery, response: pageOf(Member) }),
  getMember: route({ method: 'GET', path: '/members/:id', tag: 'members', summary: 'One member', access: 'directory.read', params: IdParams, response: Member }),
  createMember: route({ method: 'POST', path: '/members', tag: 'members', summary: 'Create an account', access: 'members.manage', body: MemberInput, response: Member }),
  updateMember: route({ method: 'PATCH', path: '/members/:id', tag: 'members', summary: 'Edit, deactivate or reactivate an account', access: 'members.manage', params: IdParams, body: MemberPatch, response: Member }),
  previewMemberImport: route({ method: 'POST', path: '/members/import/preview', tag: 'members', summary: 'Check a CSV/XLSX member file row by row; imports nothing', access: 'members.manage', upload: { maxBytes: 2 * 1024 * 1024, mimeTypes: IMPORT_MIME_TYPES }, response: ImportPreview }),
  importMembers: route({ method: 'POST', path: '/members/import', tag: 'members', summary: 'Import a clean CSV/XLSX member file, all rows or none', access: 'members.manage', upload: { maxBytes: 2 * 1024 * 1024, mimeTypes: IMPORT_MIME_TYPES }, response: ImportResult }),
  memberImportTemplate: route({ method: 'GET', path: '/members/import/template', tag: 'members', summary: 'Blank XLSX import template', access: 'members.manage', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),

  listOrgUnits: route({ method: 'GET', path: '/org/:kind', tag: 'organisation', summary: 'Sectors, committees or departments', access: 'org.read', params: OrgParams, response: z.array(OrgUnit) }),
  createOrgUnit: route({ method: 'POST', path: '/org/:kind', tag: 'organisation', summary: 'Add a sector, committee or department', access: 'org.manage', params: OrgParams, body: OrgUnitInput, response: OrgUnit }),
  updateOrgUnit: route({ method: 'PATCH', path: '/org/:kind/:id', tag: 'organisation', summary: 'Rename or edit', access: 'org.manage', params: OrgItemParams, body: OrgUnitPatch, response: OrgUnit }),
  deleteOrgUnit: route({ method: 'DELETE', path: '/org/:kind/:id', tag: 'organisation', summary: 'Delete when no member belongs to it', access: 'org.manage', params: OrgItemParams, response: Ok }),

  listAudit: route({ method: 'GET', path: '/audit', tag: 'audit', summary: 'Who did what, newest first', access: 'audit.read', query: AuditQuery, response: pageOf(AuditEntry) }),
} as const;

/** Every route of the API; feature modules add their maps here. */
export const ALL_ROUTES: Record<string, RouteDef> = { ...CoreRoutes, ...MeetingRoutes, ...NotificationRoutes, ...TopicRoutes, ...PlanRoutes, ...DocumentRoutes, ...OutcomeRoutes, ...DutyRoutes };

/** Types a handler receives, inferred from a route's schemas (after parsing). */
export type BodyOf<R extends RouteDef> = R['body'] extends z.ZodType ? z.output<R['body']> : never;
export type QueryOf<R extends RouteDef> = R['query'] extends z.ZodType ? z.output<R['query']> : never;
export type ParamsOf<R extends RouteDef> = R['params'] extends z.ZodType ? z.output<R['params']> : never;
export type ResponseOf<R extends RouteDef> = R['response'] extends z.ZodType ? z.output<R['response']> : never;
