import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Speech } from '@xieshang/contracts';
import { errorText } from '../../lib/errors';
import { SpeechCard } from './SpeechCard';
import { SpeechEditor } from './SpeechEditor';
import { useTransitionSpeech } from './useSpeeches';

const EDITABLE = new Set<Speech['state']>(['draft', 'needs_revision']);

/** The invitee's own speech material: write, edit, submit, withdraw; the office's verdict. */
export function MySpeeches({ meetingId, mine, canWrite }: { meetingId: string; mine: Speech[]; canWrite: boolean }) {
  const { t } = useTranslation();
  // null: not editing; 'new': a new speech; otherwise the id being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const transition = useTransitionSpeech(meetingId);
  // A member writes one speech per meeting; a diverted one may be followed by a new one.
  const mayStartNew = canWrite && mine.every((s) => s.state === 'diverted');

  return (
    <Stack gap="sm" component="section" aria-labelledby="my-speech-title">
      <Title order={3} size="h4" id="my-speech-title">{t('speeches.mine')}</Title>
      {transition.error != null && <Alert color="red" role="alert">{errorText(t, transition.error)}</Alert>}
      {mine.map((s) =>
        editing === s.id ? (
          <Card key={s.id} withBorder radius="md" padding="md">
            <SpeechEditor meetingId={meetingId} speech={s} onDone={() => setEditing(null)} />
          </Card>
        ) : (
          <SpeechCard
            key={s.id}
            speech={s}
            actions={
              <>
                {canWrite && EDITABLE.has(s.state) && (
                  <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(s.id)}>
                    {t('common.edit')}
                  </Button>
                )}
                {s.allowedActions.includes('submit') && (
                  <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} loading={transition.isPending && transition.variables?.speech.id === s.id} onClick={() => transition.mutate({ speech: s, action: 'submit' })}>
                    {t('speeches.action.submit')}
                  </Button>
                )}
                {s.allowedActions.includes('withdraw') && (
                  <Button size="xs" variant="default" loading={transition.isPending && transition.variables?.speech.id === s.id} onClick={() => transition.mutate({ speech: s, action: 'withdraw' })}>
                    {t('speeches.action.withdraw')}
                  </Button>
                )}
              </>
            }
          />
        ),
      )}
      {editing === 'new' ? (
        <Card withBorder radius="md" padding="md">
          <SpeechEditor meetingId={meetingId} speech={null} onDone={() => setEditing(null)} />
        </Card>
      ) : mine.length === 0 && !canWrite ? (
        <Text c="dimmed" size="sm">{t('speeches.noneOfMine')}</Text>
      ) : (
        mayStartNew && (
          <div>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('speeches.write')}
            </Button>
          </div>
        )
      )}
      {mine.length === 0 && canWrite && editing !== 'new' && <Text c="dimmed" size="sm">{t('speeches.writeHint')}</Text>}
    </Stack>
  );
}
