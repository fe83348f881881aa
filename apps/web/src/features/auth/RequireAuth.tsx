import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppLayout } from '../shell/AppLayout';
import { ErrorState } from '../shell/ErrorState';
import { useSession } from './useSession';

/** Logged-in area: shows the shell (or, when bare, just the page), or sends the visitor to /login and back afterwards. */
export function RequireAuth({ bare = false }: { bare?: boolean }) {
  const { t } = useTranslation();
  const { user, isLoading, error } = useSession();
  const location = useLocation();
  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) return <ErrorState error={error} />;
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return bare ? <Outlet /> : <AppLayout user={user} />;
}
