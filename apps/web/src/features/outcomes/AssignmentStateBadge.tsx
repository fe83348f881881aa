import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentState } from '@xieshang/contracts';

const COLORS: Record<AssignmentState, string> = { assigned: 'blue', feedback_received: 'yellow', accepted: 'green' };

export function AssignmentStateBadge({ state }: { state: AssignmentState }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[state]} variant="light">{t(`outcomes.assignmentState.${state}`)}</Badge>;
}
