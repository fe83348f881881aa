import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';

interface Props {
  opened: boolean;
  title: string;
  description?: string;
  label: string;
  confirmLabel: string;
  /** a blank reason is refused before anything is sent */
  required: boolean;
  requiredMessage?: string;
  loading: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** A modal asking for one free-text reason (declining, asking for leave, deciding leave, review comments). */
export function ReplyReasonModal({ opened, title, description, label, confirmLabel, required, requiredMessage, loading, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (opened) {
      setReason('');
      setTried(false);
    }
  }, [opened]);

  const missing = required && reason.trim() === '';
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!missing) onConfirm(reason.trim());
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {description && <Text size="sm">{description}</Text>}
          {error != null && <Alert color="red" role="alert">{errorText(t, error)}</Alert>}
          <Textarea
            label={label}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required={required}
            error={tried && missing ? requiredMessage : undefined}
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={loading}>{confirmLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
