import { Blockquote, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Instruction } from '@xieshang/contracts';
import { useOrgToday } from './useOrgToday';

/** 领导批示, oldest first, as quotations with the leader and the date. */
export function InstructionsList({ instructions }: { instructions: readonly Instruction[] }) {
  const { t } = useTranslation();
  const { day } = useOrgToday();
  if (instructions.length === 0) return <Text c="dimmed" size="sm">{t('outcomes.detail.noInstructions')}</Text>;
  return (
    <Stack gap="sm">
      {[...instructions].sort((a, b) => a.date.localeCompare(b.date)).map((i) => (
        <Blockquote key={i.id} p="sm" color="indigo" cite={t('outcomes.instruction.entry', { leader: i.leaderName, date: day(i.date) })}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{i.text}</Text>
        </Blockquote>
      ))}
    </Stack>
  );
}
