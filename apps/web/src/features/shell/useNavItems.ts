import { hasPermission } from '@xieshang/domain';
import { useSession } from '../auth/useSession';
import { NAV_ITEMS, type NavItem } from './navConfig';

/** The sections the current user may open. */
export function useNavItems(): NavItem[] {
  const { user } = useSession();
  return NAV_ITEMS.filter((item) => !item.permission || hasPermission(user, item.permission));
}
