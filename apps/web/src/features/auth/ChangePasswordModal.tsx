import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CoreRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({
    mutationFn: () => api(CoreRoutes.changePassword, { body: { currentPassword, newPassword } }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
      close();
    },
  });
  const { fields, general } = formErrors(t, mutation.error, ['currentPassword', 'newPassword']);

  function close() {
    setCurrent('');
    setNew('');
    setConfirm('');
    setMismatch(false);
    mutation.reset();
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (newPassword !== confirm) return setMismatch(true);
    setMismatch(false);
    mutation.mutate();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('account.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <PasswordInput
            label={t('account.currentPassword')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields.currentPassword}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.passwordRule')}
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={fields.newPassword}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('account.passwordMismatch') : undefined}
            autoComplete="new-password"
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
