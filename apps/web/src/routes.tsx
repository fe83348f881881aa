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

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/** Pages inside the logged-in shell; later features append theirs (and a NAV_ITEMS entry). */
export const appPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'directory', element: guarded('directory.read', <DirectoryPage />) },
  { path: 'admin/members', element: guarded('members.manage', <MembersAdminPage />) },
  { path: 'admin/members/import', element: guarded('members.manage', <MemberImportPage />) },
  { path: 'admin/org/:kind', element: guarded('org.manage', <OrgUnitsPage />) },
  { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/', element: <RequireAuth />, children: [...appPages, { path: '*', element: <NotFoundPage /> }] },
];
