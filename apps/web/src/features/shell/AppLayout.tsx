import { AppShell, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { SessionUser } from '@xieshang/contracts';
import { ORG_NAME } from '../../platform';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { NavBar } from './NavBar';
import { UserMenu } from './UserMenu';
import { SkipLink } from './SkipLink';

export function AppLayout({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} aria-expanded={opened} aria-controls="app-navbar" />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label={t('app.homeLink')}>
              <Group gap={8} wrap="nowrap">
                <Title order={1} size="h3" c="brand.8" style={{ letterSpacing: 2 }}>{t('app.name')}</Title>
                <Text size="sm" c="dimmed" truncate visibleFrom="xs">{ORG_NAME || t('app.tagline')}</Text>
              </Group>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell user={user} />
            <LanguageSwitch />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar">
        <NavBar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
