import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" p="md">
      <Title order={2}>{t('app.notFound')}</Title>
      <Text c="dimmed">{t('app.notFoundHint')}</Text>
      <Button component={Link} to="/" variant="light">{t('app.backHome')}</Button>
    </Stack>
  );
}
