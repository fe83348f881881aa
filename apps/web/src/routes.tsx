import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@xieshang/contracts';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { RequirePermission } from './features/auth/RequirePermission';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/shell/NotFoundPage';

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/**
 * A page loaded on first visit (its own chunk), so a member's phone does not download the host
 * console, the admin screens and the date pickers to open the meeting list.
 */
function page(load: () => Promise<ComponentType>, permission?: Permission): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return { element: permission ? guarded(permission, <Page />) : <Page /> };
    },
  };
}

/** Pages inside the logged-in shell; later features append theirs (and a NAV_ITEMS entry). */
export const appPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'directory', ...page(() => import('./features/directory/DirectoryPage').then((m) => m.DirectoryPage), 'directory.read') },
  { path: 'admin/members', ...page(() => import('./features/members/MembersAdminPage').then((m) => m.MembersAdminPage), 'members.manage') },
  { path: 'admin/members/import', ...page(() => import('./features/members/MemberImportPage').then((m) => m.MemberImportPage), 'members.manage') },
  { path: 'admin/org/:kind', ...page(() => import('./features/org/OrgUnitsPage').then((m) => m.OrgUnitsPage), 'org.manage') },
  { path: 'admin/audit', ...page(() => import('./features/audit/AuditPage').then((m) => m.AuditPage), 'audit.read') },
  { path: 'meetings', ...page(() => import('./features/meetings/MeetingsPage').then((m) => m.MeetingsPage), 'meetings.read') },
  { path: 'meetings/new', ...page(() => import('./features/meetings/MeetingFormPage').then((m) => m.MeetingFormPage), 'meetings.manage') },
  { path: 'meetings/:id', ...page(() => import('./features/meetings/MeetingDetailPage').then((m) => m.MeetingDetailPage), 'meetings.read') },
  { path: 'meetings/:id/edit', ...page(() => import('./features/meetings/MeetingFormPage').then((m) => m.MeetingFormPage), 'meetings.manage') },
  { path: 'meetings/:id/check-in', ...page(() => import('./features/attendance/CheckInPage').then((m) => m.CheckInPage)) },
  { path: 'meetings/:id/live', ...page(() => import('./features/live/LiveMemberPage').then((m) => m.LiveMemberPage), 'meetings.read') },
  { path: 'meetings/:id/live/host', ...page(() => import('./features/live/LiveHostPage').then((m) => m.LiveHostPage), 'meetings.read') },
  { path: 'leave-requests', ...page(() => import('./features/attendance/LeaveRequestsPage').then((m) => m.LeaveRequestsPage)) },
  { path: 'notifications', ...page(() => import('./features/notifications/NotificationsPage').then((m) => m.NotificationsPage)) },
  { path: 'admin/attendance', ...page(() => import('./features/attendance/AttendanceReportPage').then((m) => m.AttendanceReportPage), 'attendance.read') },
  { path: 'admin/meeting-types', ...page(() => import('./features/meetings/MeetingTypesPage').then((m) => m.MeetingTypesPage), 'meetings.manage') },
  { path: 'admin/settings', ...page(() => import('./features/settings/SettingsPage').then((m) => m.SettingsPage), 'settings.manage') },
  { path: 'topics', ...page(() => import('./features/topics/TopicBoardPage').then((m) => m.TopicBoardPage), 'topics.read') },
  { path: 'topics/mine', ...page(() => import('./features/topics/MyTopicsPage').then((m) => m.MyTopicsPage), 'topics.submit') },
  { path: 'topics/new', ...page(() => import('./features/topics/TopicFormPage').then((m) => m.TopicFormPage), 'topics.submit') },
  { path: 'topics/:id', ...page(() => import('./features/topics/TopicDetailPage').then((m) => m.TopicDetailPage), 'topics.read') },
  { path: 'admin/topic-calls', ...page(() => import('./features/topics/TopicCallsPage').then((m) => m.TopicCallsPage), 'topics.screen') },
  { path: 'plans', ...page(() => import('./features/plans/PlansPage').then((m) => m.PlansPage), 'plans.read') },
  { path: 'plans/:id', ...page(() => import('./features/plans/PlanEditorPage').then((m) => m.PlanEditorPage), 'plans.read') },
  { path: 'documents', ...page(() => import('./features/documents/DocumentsPage').then((m) => m.DocumentsPage), 'documents.read') },
  { path: 'documents/:id', ...page(() => import('./features/documents/DocumentPage').then((m) => m.DocumentPage), 'documents.read') },
  { path: 'outcomes', ...page(() => import('./features/outcomes/OutcomesPage').then((m) => m.OutcomesPage), 'outcomes.read') },
  { path: 'outcomes/:id', ...page(() => import('./features/outcomes/OutcomeDetailPage').then((m) => m.OutcomeDetailPage), 'outcomes.read') },
  { path: 'outcomes/dashboard', ...page(() => import('./features/outcomes/OutcomeDashboardPage').then((m) => m.OutcomeDashboardPage), 'outcomes.read') },
  { path: 'assignments', ...page(() => import('./features/outcomes/AssignmentsPage').then((m) => m.AssignmentsPage), 'outcomes.respond') },
  { path: 'duty/mine', ...page(() => import('./features/duty/MyDutyRecordPage').then((m) => m.MyDutyRecordPage), 'duty.read') },
  { path: 'admin/duty', ...page(() => import('./features/duty/DutyRecordsPage').then((m) => m.DutyRecordsPage), 'duty.manage') },
  { path: 'admin/duty-rules', ...page(() => import('./features/duty/DutyRulesPage').then((m) => m.DutyRulesPage), 'duty.manage') },
];

/** Full-screen pages outside the shell (the projector on the hall's big screen). */
export const fullScreenPages: RouteObject[] = [
  { path: 'meetings/:id/projector', ...page(() => import('./features/live/ProjectorPage').then((m) => m.ProjectorPage), 'meetings.read') },
  // The plan as a printable table, without the shell around it.
  { path: 'plans/:id/print', ...page(() => import('./features/plans/PlanPrintPage').then((m) => m.PlanPrintPage), 'plans.read') },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // The public call (社会征题): no account, works on a phone.
  { path: '/call', ...page(() => import('./features/topics/PublicCallsPage').then((m) => m.PublicCallsPage)) },
  { path: '/call/:callId', ...page(() => import('./features/topics/PublicCallPage').then((m) => m.PublicCallPage)) },
  { path: '/call/topics/:publicId', ...page(() => import('./features/topics/PublicTopicStatusPage').then((m) => m.PublicTopicStatusPage)) },
  // Outcomes the office made public: progress and feedback summary, no login.
  { path: '/accountability', ...page(() => import('./features/outcomes/PublicAccountabilityPage').then((m) => m.PublicAccountabilityPage)) },
  {
    path: '/',
    children: [
      { element: <RequireAuth bare />, children: fullScreenPages },
      { element: <RequireAuth />, children: [...appPages, { path: '*', element: <NotFoundPage /> }] },
    ],
  },
];
