import { Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { nextEntries } from '@xieshang/domain';
import { useEntryName } from '../shared/EntryTags';

/** The next few people waiting; the member's own line is marked in words, not only in colour. */
export function NextSpeakers({ state, userId, count = 5 }: { state: LiveState; userId: string; count?: number }) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const next = nextEntries(state, count);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="live-next-speakers">
      <Title order={3} size="h5" id="live-next-speakers" mb="xs">
        {t('live.next.title')}
      </Title>
      {next.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('live.next.empty')}
        </Text>
      ) : (
        <List type="ordered" spacing={6}>
          {next.map((e) => (
            <List.Item key={e.id} fw={e.memberId === userId ? 700 : undefined}>
              <Group gap={6} wrap="wrap">
                <span>{nameOf(e)}</span>
                {e.sectorName && (
                  <Text span c="dimmed" size="sm">
                    {e.sectorName}
                  </Text>
                )}
                {e.kind !== 'hand' && (
                  <Badge size="xs" variant="light">
                    {t(`live.kind.${e.kind}`)}
                  </Badge>
                )}
                {e.memberId === userId && (
                  <Badge size="xs" color="brand">
                    {t('live.next.you')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
