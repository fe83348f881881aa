import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '@xieshang/contracts';
import { STATE_COLORS } from './meetingColors';

export function MeetingStateBadge({ state, ...props }: { state: MeetingState } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant={state === 'cancelled' ? 'outline' : 'light'} {...props}>
      {t(`meetings.state.${state}`)}
    </Badge>
  );
}
