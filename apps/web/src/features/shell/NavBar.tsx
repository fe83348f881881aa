import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NAV_GROUPS } from './navConfig';
import { useNavItems } from './useNavItems';

function matches(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** The most specific entry wins: on /outcomes/dashboard only 成果统计 is active, not 成果办理 too. */
export function activeNavPath(pathname: string, paths: readonly string[]): string | undefined {
  return paths.filter((p) => matches(pathname, p)).sort((a, b) => b.length - a.length)[0];
}

export function NavBar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = useNavItems();
  const activePath = activeNavPath(pathname, items.map((i) => i.path));
  return (
    <ScrollArea component="nav" aria-label={t('nav.label')} type="auto">
      <Stack gap="md" p="sm">
        {NAV_GROUPS.map(({ group, labelKey }) => {
          const inGroup = items.filter((i) => i.group === group);
          if (inGroup.length === 0) return null;
          const headingId = `nav-group-${group}`;
          return (
            <section key={group} aria-labelledby={labelKey ? headingId : undefined}>
              {labelKey && (
                <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(labelKey)}
                </Text>
              )}
              <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {inGroup.map((item) => {
                  const active = item.path === activePath;
                  return (
                    <li key={item.key}>
                      <NavLink
                        component={Link}
                        to={item.path}
                        label={t(item.labelKey)}
                        leftSection={<item.icon size={18} stroke={1.6} />}
                        active={active}
                        aria-current={active ? 'page' : undefined}
                        onClick={onNavigate}
                        style={{ borderRadius: 6 }}
                      />
                    </li>
                  );
                })}
              </Stack>
            </section>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
