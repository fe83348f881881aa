import type { ReactNode } from 'react';
import { Alert, Card, Group, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Speech } from '@xieshang/contracts';
import { SpeechStateBadge } from './SpeechStateBadge';

/** One speech: title, state, author (for reviewers), the text folded, the office's comment. */
export function SpeechCard({ speech, showAuthor, actions }: { speech: Speech; showAuthor?: boolean; actions?: ReactNode }) {
  const { t } = useTranslation();
  const headingId = `speech-${speech.id}-title`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={4} size="h5" id={headingId}>{speech.title}</Title>
            {showAuthor && (
              <Text size="sm" c="dimmed">
                {speech.sectorName ? t('speeches.authorWithSector', { name: speech.authorName, sector: speech.sectorName }) : speech.authorName}
              </Text>
            )}
          </div>
          <SpeechStateBadge state={speech.state} />
        </Group>
        {speech.state === 'oral' && speech.oralOrder !== null && <Text size="sm" fw={500}>{t('speeches.oralPosition', { position: speech.oralOrder })}</Text>}
        <Spoiler maxHeight={72} showLabel={t('speeches.showMore')} hideLabel={t('speeches.showLess')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{speech.content}</Text>
        </Spoiler>
        {speech.reviewComment && (
          <Alert color={speech.state === 'needs_revision' ? 'orange' : 'gray'} variant="light" title={t('speeches.officeComment')} p="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{speech.reviewComment}</Text>
          </Alert>
        )}
        {actions && <Group gap="xs">{actions}</Group>}
      </Stack>
    </Card>
  );
}
