import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TopicState } from '@xieshang/contracts';

const COLORS: Record<TopicState, string> = {
  submitted: 'gray',
  screening: 'yellow',
  pooled: 'blue',
  rejected: 'red',
  merged: 'grape',
  shortlisted: 'teal',
  selected: 'green',
  not_selected: 'dark',
};

export function TopicStateBadge({ state }: { state: TopicState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light">
      {t(`topics.state.${state}`)}
    </Badge>
  );
}
