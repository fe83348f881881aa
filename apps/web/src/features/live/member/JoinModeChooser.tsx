import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceLaptop, IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SpeakingMode } from '@xieshang/contracts';

/** Asked once when neither the link nor the check-in says where the member is: remote joiners are checked in on join. */
export function JoinModeChooser({ title, onChoose }: { title?: string; onChoose: (mode: SpeakingMode) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" maw={480} mx="auto" mt="lg">
      <Stack gap="md">
        {title && <Text c="dimmed">{title}</Text>}
        <Title order={2} size="h3">
          {t('live.join.question')}
        </Title>
        <Button size="xl" h={72} leftSection={<IconBuildingCommunity aria-hidden />} onClick={() => onChoose('room')}>
          {t('live.join.room')}
        </Button>
        <Button size="xl" h={72} variant="light" leftSection={<IconDeviceLaptop aria-hidden />} onClick={() => onChoose('remote')}>
          {t('live.join.remote')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('live.join.remoteHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
