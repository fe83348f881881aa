import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';

/** Ask for the one text a step needs (a rejection reason, a reopening comment) before sending it. */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  message?: string;
  label: string;
  hint?: string;
  confirmLabel: string;
  required?: boolean;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (props.opened) {
      setText('');
      setTried(false);
    }
  }, [props.opened]);
  const required = props.required ?? true;
  const confirm = () => {
    setTried(true);
    if (required && !text.trim()) return;
    props.onConfirm(text.trim());
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack>
        {props.message && <Text>{props.message}</Text>}
        <Textarea
          label={props.label}
          description={props.hint}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={tried && required && !text.trim() ? t('topics.reject.reasonRequired') : undefined}
          required={required}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
        />
        {props.error != null && <Alert color="red" role="alert">{errorText(t, props.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>{t('topics.detail.cancel')}</Button>
          <Button color={props.danger ? 'red' : undefined} onClick={confirm} loading={props.pending}>{props.confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
