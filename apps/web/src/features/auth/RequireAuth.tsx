import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { AppLayout } from '../shell/AppLayout';
import { ErrorState } from '../shell/ErrorState';
import { useSession } from './useSession';

/** Logged-in area: shows the shell, or sends the visitor to /login and back afterwards. */
export function RequireAuth() {
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
  return <AppLayout user={user} />;
}
