import type { ComponentType } from 'react';
import type { Permission } from '@xieshang/contracts';
import { IconAward, IconChartPie, IconChecklist, IconScale, IconBulb, IconCalendarStats, IconFileText, IconSpeakerphone, IconAddressBook, IconCalendarEvent, IconChartBar, IconClipboardCheck, IconSettings, IconListDetails, IconBuildingCommunity, IconBuildingBank, IconHistory, IconHome, IconUsers, IconUsersGroup } from '@tabler/icons-react';

export type NavGroup = 'main' | 'admin';

export interface NavItem {
  key: string;
  path: string;
  /** i18n key of the label; `<labelKey>Hint` (if present) describes the section on the home page */
  labelKey: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  group: NavGroup;
  /** Shown only to users holding this permission; omitted = every logged-in user. */
  permission?: Permission;
  /** Listed as a card on the home page. */
  onHome?: boolean;
}

/**
 * The one list of sections. Later features (topics, meetings, live, documents, outcomes) add
 * their entries here; the navbar, the home page cards and the route guards read from it.
 */
export const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: IconHome, group: 'main' },
  { key: 'directory', path: '/directory', labelKey: 'nav.directory', icon: IconAddressBook, group: 'main', permission: 'directory.read', onHome: true },
  { key: 'meetings', path: '/meetings', labelKey: 'nav.meetings', icon: IconCalendarEvent, group: 'main', permission: 'meetings.read', onHome: true },
  { key: 'topics', path: '/topics', labelKey: 'nav.topics', icon: IconBulb, group: 'main', permission: 'topics.read', onHome: true },
  { key: 'plans', path: '/plans', labelKey: 'nav.plans', icon: IconCalendarStats, group: 'main', permission: 'plans.read', onHome: true },
  { key: 'myTopics', path: '/topics/mine', labelKey: 'nav.myTopics', icon: IconFileText, group: 'main', permission: 'topics.submit', onHome: true },
  { key: 'documents', path: '/documents', labelKey: 'nav.documents', icon: IconFileText, group: 'main', permission: 'documents.read', onHome: true },
  { key: 'outcomes', path: '/outcomes', labelKey: 'nav.outcomes', icon: IconChecklist, group: 'main', permission: 'outcomes.manage', onHome: true },
  { key: 'outcomeDashboard', path: '/outcomes/dashboard', labelKey: 'nav.outcomeDashboard', icon: IconChartPie, group: 'main', permission: 'outcomes.read', onHome: true },
  { key: 'assignments', path: '/assignments', labelKey: 'nav.assignments', icon: IconChecklist, group: 'main', permission: 'outcomes.respond', onHome: true },
  { key: 'myDuty', path: '/duty/mine', labelKey: 'nav.myDuty', icon: IconAward, group: 'main', permission: 'duty.read', onHome: true },
  { key: 'leaveRequests', path: '/leave-requests', labelKey: 'nav.leaveRequests', icon: IconClipboardCheck, group: 'main', onHome: false },
  { key: 'attendance', path: '/admin/attendance', labelKey: 'nav.attendance', icon: IconChartBar, group: 'admin', permission: 'attendance.read', onHome: true },
  { key: 'meetingTypes', path: '/admin/meeting-types', labelKey: 'nav.meetingTypes', icon: IconListDetails, group: 'admin', permission: 'meetings.manage', onHome: true },
  { key: 'topicCalls', path: '/admin/topic-calls', labelKey: 'nav.topicCalls', icon: IconSpeakerphone, group: 'admin', permission: 'topics.screen', onHome: true },
  { key: 'dutyRecords', path: '/admin/duty', labelKey: 'nav.dutyRecords', icon: IconAward, group: 'admin', permission: 'duty.manage', onHome: true },
  { key: 'dutyRules', path: '/admin/duty-rules', labelKey: 'nav.dutyRules', icon: IconScale, group: 'admin', permission: 'duty.manage', onHome: true },
  { key: 'settings', path: '/admin/settings', labelKey: 'nav.settings', icon: IconSettings, group: 'admin', permission: 'settings.manage', onHome: true },
  { key: 'members', path: '/admin/members', labelKey: 'nav.members', icon: IconUsers, group: 'admin', permission: 'members.manage', onHome: true },
  { key: 'sectors', path: '/admin/org/sectors', labelKey: 'nav.sectors', icon: IconUsersGroup, group: 'admin', permission: 'org.manage', onHome: true },
  { key: 'committees', path: '/admin/org/committees', labelKey: 'nav.committees', icon: IconBuildingCommunity, group: 'admin', permission: 'org.manage', onHome: true },
  { key: 'departments', path: '/admin/org/departments', labelKey: 'nav.departments', icon: IconBuildingBank, group: 'admin', permission: 'org.manage', onHome: true },
  { key: 'audit', path: '/admin/audit', labelKey: 'nav.audit', icon: IconHistory, group: 'admin', permission: 'audit.read', onHome: true },
];

export const NAV_GROUPS: { group: NavGroup; labelKey?: string }[] = [
  { group: 'main' },
  { group: 'admin', labelKey: 'nav.admin' },
];
