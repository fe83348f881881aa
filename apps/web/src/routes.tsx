import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@xieshang/contracts';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { RequirePermission } from './features/auth/RequirePermission';
import { AuditPage } from './features/audit/AuditPage';
import { DirectoryPage } from './features/directory/DirectoryPage';
import { HomePage } from './features/home/HomePage';
import { MemberImportPage } from './features/members/MemberImportPage';
import { MembersAdminPage } from './features/members/MembersAdminPage';
import { OrgUnitsPage } from './features/org/OrgUnitsPage';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { AttendanceReportPage } from './features/attendance/AttendanceReportPage';
import { CheckInPage } from './features/attendance/CheckInPage';
import { LeaveRequestsPage } from './features/attendance/LeaveRequestsPage';
import { LiveHostPage } from './features/live/LiveHostPage';
import { LiveMemberPage } from './features/live/LiveMemberPage';
import { ProjectorPage } from './features/live/ProjectorPage';
import { MeetingDetailPage } from './features/meetings/MeetingDetailPage';
import { MeetingFormPage } from './features/meetings/MeetingFormPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { MeetingTypesPage } from './features/meetings/MeetingTypesPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { SettingsPage } from './features/settings/SettingsPage';

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/** Pages inside the logged-in shell; later features append theirs (and a NAV_ITEMS entry). */
export const appPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'directory', element: guarded('directory.read', <DirectoryPage />) },
  { path: 'admin/members', element: guarded('members.manage', <MembersAdminPage />) },
  { path: 'admin/members/import', element: guarded('members.manage', <MemberImportPage />) },
  { path: 'admin/org/:kind', element: guarded('org.manage', <OrgUnitsPage />) },
  { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
  { path: 'meetings', element: guarded('meetings.read', <MeetingsPage />) },
  { path: 'meetings/new', element: guarded('meetings.manage', <MeetingFormPage />) },
  { path: 'meetings/:id', element: guarded('meetings.read', <MeetingDetailPage />) },
  { path: 'meetings/:id/edit', element: guarded('meetings.manage', <MeetingFormPage />) },
  { path: 'meetings/:id/check-in', element: <CheckInPage /> },
  { path: 'meetings/:id/live', element: guarded('meetings.read', <LiveMemberPage />) },
  { path: 'meetings/:id/live/host', element: guarded('meetings.read', <LiveHostPage />) },
  { path: 'leave-requests', element: <LeaveRequestsPage /> },
  { path: 'notifications', element: <NotificationsPage /> },
  { path: 'admin/attendance', element: guarded('attendance.read', <AttendanceReportPage />) },
  { path: 'admin/meeting-types', element: guarded('meetings.manage', <MeetingTypesPage />) },
  { path: 'admin/settings', element: guarded('settings.manage', <SettingsPage />) },
];

/** Full-screen pages outside the shell (the projector on the hall's big screen). */
export const fullScreenPages: RouteObject[] = [{ path: 'meetings/:id/projector', element: guarded('meetings.read', <ProjectorPage />) }];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    children: [
      { element: <RequireAuth bare />, children: fullScreenPages },
      { element: <RequireAuth />, children: [...appPages, { path: '*', element: <NotFoundPage /> }] },
    ],
  },
];
