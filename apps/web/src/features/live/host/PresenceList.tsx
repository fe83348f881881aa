import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LivePresence } from '@xieshang/contracts';

/** Who is connected, in the room or remote, and whether they are checked in. */
export function PresenceList({ presence }: { presence: LivePresence[] }) {
  const { t } = useTranslation();
  const room = presence.filter((p) => p.mode === 'room').length;
  const checkedIn = presence.filter((p) => p.checkedIn).length;
  return (
    <>
      <Group gap="xs" mb="sm">
        <Text size="sm">{t('live.presence.summary', { total: presence.length, room, remote: presence.length - room, checkedIn })}</Text>
      </Group>
      {presence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('live.presence.none')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('live.fairness.member')}</Table.Th>
              <Table.Th>{t('live.fairness.sector')}</Table.Th>
              <Table.Th>{t('live.presence.where')}</Table.Th>
              <Table.Th>{t('live.presence.checkIn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {presence.map((p) => (
              <Table.Tr key={p.userId}>
                <Table.Td>
                  {p.name}
                  {p.isHost && (
                    <Badge ml={6} size="xs" variant="light">
                      {t('live.presence.host')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.sectorName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="outline" color={p.mode === 'remote' ? 'cyan' : 'gray'}>
                    {t(`live.mode.${p.mode}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant={p.checkedIn ? 'light' : 'outline'} color={p.checkedIn ? 'green' : 'gray'}>
                    {p.checkedIn ? t('live.presence.checkedIn') : t('live.presence.notCheckedIn')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
