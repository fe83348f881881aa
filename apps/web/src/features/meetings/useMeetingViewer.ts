import { hasPermission } from '@xieshang/domain';
import { useSession } from '../auth/useSession';

/** Who is looking: the office manages meetings; admins, chairs and leaders see every meeting. */
export function useMeetingViewer() {
  const { user } = useSession();
  const roles = user?.roles ?? [];
  return {
    user,
    isOffice: hasPermission(user, 'meetings.manage'),
    seesAll: roles.some((r) => r === 'admin' || r === 'chair' || r === 'leader'),
  };
}
