import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" p="md">
      <Title order={2}>{t('errors.FORBIDDEN')}</Title>
      <Text c="dimmed">{t('app.forbiddenHint')}</Text>
      <Button component={Link} to="/" variant="light">{t('app.backHome')}</Button>
    </Stack>
  );
}
