import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DutyLine, DutyRecord } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import { useOrgTimeZone } from '../attendance/useOrgTime';
import { formatPoints, sourceHref } from './dutyView';

/** Every credited line, newest first, each with its source as a link: cards that read well on a phone. */
export function DutyLineList({ record }: { record: Pick<DutyRecord, 'lines' | 'meetingTypes'> }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const timeZone = useOrgTimeZone();
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const typeName = (code: string | null) => {
    const names = code ? record.meetingTypes[code] : undefined;
    return names ? (locale === 'en' ? names.nameEn : names.nameZh) : null;
  };
  if (record.lines.length === 0) return <Text c="dimmed" py="md">{t('duty.lines.empty')}</Text>;
  const lines = [...record.lines].reverse();
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duty.lines.title')}>
      {lines.map((line) => (
        <Paper key={`${line.kind}:${line.source.type}:${line.source.id}`} component="li" withBorder p="sm" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {t(`duty.kinds.${line.kind}`)}
                {typeName(line.meetingTypeCode) && <Text span size="sm" c="dimmed"> · {typeName(line.meetingTypeCode)}</Text>}
              </Text>
              <SourceText line={line} />
              <Text size="xs" c="dimmed">{date.format(new Date(line.occurredAt))}</Text>
            </Stack>
            <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
              <Text fw={600} c={line.awarded < 0 ? 'red' : line.awarded > 0 ? 'teal' : 'dimmed'} aria-label={t('duty.lines.pointsLabel', { points: formatPoints(line.awarded) })}>
                {formatPoints(line.awarded)}
              </Text>
              {line.cappedBy && (
                <Badge size="xs" variant="light" color="yellow" title={t('duty.lines.cappedFrom', { points: formatPoints(line.points) })}>
                  {t(`duty.lines.cappedBy.${line.cappedBy}`)}
                </Badge>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function SourceText({ line }: { line: DutyLine }) {
  const href = sourceHref(line);
  const label = line.source.type === 'manual' ? line.note ?? line.source.title : line.source.title;
  return href ? (
    <Anchor component={Link} to={href} size="sm" style={{ wordBreak: 'break-word' }}>{label}</Anchor>
  ) : (
    <Text size="sm" style={{ wordBreak: 'break-word' }}>{label}</Text>
  );
}
