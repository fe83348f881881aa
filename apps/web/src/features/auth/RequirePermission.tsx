import type { ReactNode } from 'react';
import type { Permission } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { ForbiddenPage } from '../shell/ForbiddenPage';
import { useSession } from './useSession';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { user } = useSession();
  return hasPermission(user, permission) ? children : <ForbiddenPage />;
}
