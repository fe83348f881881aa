import { ColorSwatch, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentLocale } from '../auth/useLocale';
import { typeColor } from './meetingColors';
import { typeName, useMeetingTypes } from './useMeetingTypes';

/** Which colour is which meeting type, under the calendar grids. */
export function TypeLegend() {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const { data } = useMeetingTypes();
  const types = (data ?? []).filter((ty) => ty.active);
  if (types.length === 0) return null;
  return (
    <Group gap="md" mt="sm" aria-label={t('meetings.calendar.legend')} role="list">
      {types.map((ty) => (
        <Group key={ty.id} gap={6} wrap="nowrap" role="listitem">
          <ColorSwatch color={`var(--mantine-color-${typeColor(ty.code)}-filled)`} size={12} withShadow={false} aria-hidden />
          <Text size="xs" c="dimmed">{typeName(ty, locale)}</Text>
        </Group>
      ))}
    </Group>
  );
}
