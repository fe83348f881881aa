import type { ReactNode } from 'react';
import { Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORG_NAME } from '../../platform';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** The frame of the public pages: no navigation, no login, narrow enough for a phone. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="xs" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fw={600}>{ORG_NAME || t('app.name')}</Text>
        <LanguageSwitch />
      </Group>
      <Container size="sm" px="md" py="lg" component="main">
        {children}
      </Container>
    </Box>
  );
}
