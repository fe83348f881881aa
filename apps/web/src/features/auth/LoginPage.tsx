import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { CoreRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { ORG_NAME } from '../../platform';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { useSession, useSetSession } from './useSession';

/** Only same-app paths, so a crafted link cannot bounce the user to another site. */
function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { user } = useSession();
  const setSession = useSetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const target = safeFrom(location.state);

  const login = useMutation({
    mutationFn: () => api(CoreRoutes.login, { body: { email, password } }),
    onSuccess: (me) => {
      setSession(me);
      void navigate(target, { replace: true });
    },
  });

  if (user && !login.isPending) return <Navigate to={target} replace />;

  const { fields, general } = formErrors(t, login.error, ['email', 'password']);

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate();
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" id="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
          <Stack gap={4} mb="lg" align="center">
            <Title order={1} c="brand.8" style={{ letterSpacing: 4 }}>{t('app.name')}</Title>
            <Text c="dimmed" size="sm">{ORG_NAME || t('app.tagline')}</Text>
          </Stack>
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack>
              <Title order={2} size="h4" id="login-title">{t('auth.title')}</Title>
              {general && (
                <Alert color="red" role="alert" data-testid="login-error">{general}</Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fields.email}
                required
                autoFocus
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fields.password}
                required
              />
              <Button type="submit" loading={login.isPending} fullWidth>{t('auth.submit')}</Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
