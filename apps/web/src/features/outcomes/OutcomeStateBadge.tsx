import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeState } from '@xieshang/domain';

const COLORS: Record<OutcomeState, string> = {
  report_sent: 'gray',
  instructed: 'indigo',
  assigned: 'blue',
  feedback_received: 'yellow',
  evaluated: 'teal',
  closed: 'green',
};

export function OutcomeStateBadge({ state }: { state: OutcomeState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light">
      {t(`outcomes.state.${state}`)}
    </Badge>
  );
}
