import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Speech } from '@xieshang/contracts';
import { formErrors } from '../../lib/errors';
import { useSaveSpeech } from './useSpeeches';

export const TITLE_MAX = 200;
export const CONTENT_MAX = 20_000;
const FIELDS = ['title', 'content'];

/** Write a new speech (speech = null) or edit a draft or one sent back for revision. */
export function SpeechEditor({ meetingId, speech, onDone }: { meetingId: string; speech: Speech | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(speech?.title ?? '');
  const [content, setContent] = useState(speech?.content ?? '');
  const [tried, setTried] = useState(false);
  const save = useSaveSpeech(meetingId);
  const { fields, general } = formErrors(t, save.error, FIELDS);
  const missingTitle = title.trim() === '';
  const missingContent = content.trim() === '';

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (missingTitle || missingContent) return;
    save.mutate(
      { id: speech?.id ?? null, body: { title: title.trim(), content: content.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('speeches.saved') });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t(speech ? 'speeches.editTitle' : 'speeches.newTitle')}>
      <Stack gap="sm">
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <TextInput
          label={t('speeches.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={TITLE_MAX}
          required
          error={fields.title ?? (tried && missingTitle ? t('speeches.titleRequired') : undefined)}
        />
        <Textarea
          label={t('speeches.content')}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          maxLength={CONTENT_MAX}
          autosize
          minRows={8}
          maxRows={24}
          required
          error={fields.content ?? (tried && missingContent ? t('speeches.contentRequired') : undefined)}
          // The count sits under the box and is announced with it (Mantine links the description).
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={
            <Text span size="xs" c={content.length > CONTENT_MAX * 0.95 ? 'orange' : 'dimmed'}>
              {t('speeches.charCount', { count: content.length, max: CONTENT_MAX })}
            </Text>
          }
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('speeches.saveDraft')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
