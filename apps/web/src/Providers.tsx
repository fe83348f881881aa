import { useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useApplyAccountLocale } from './features/auth/useLocale';
import { createQueryClient } from './lib/queryClient';
import { theme } from './theme';
import './i18n';

function AccountLocale() {
  useApplyAccountLocale();
  return null;
}

/** Theme, data cache and language; used by the app and by tests (with their own router). */
export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <AccountLocale />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
