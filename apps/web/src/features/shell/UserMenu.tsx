import { Avatar, Menu, UnstyledButton, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CoreRoutes, type SessionUser } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';

export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pwOpen, pw] = useDisclosure(false);

  async function logout() {
    try {
      await api(CoreRoutes.logout);
    } finally {
      client.clear();
      client.setQueryData(ME_KEY, null);
      void navigate('/login', { replace: true });
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('account.menu', { name: user.name })} p={4} style={{ borderRadius: 8 }}>
            <Group gap={6} wrap="nowrap">
              <Avatar size="sm" color="brand" radius="xl">{user.name.slice(0, 1)}</Avatar>
              <Text size="sm" fw={500} visibleFrom="xs">{user.name}</Text>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.email}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={pw.open}>
            {t('account.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
            {t('account.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </>
  );
}
