import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationState } from '@xieshang/contracts';

const COLOR: Record<InvitationState, string> = {
  invited: 'gray',
  accepted: 'teal',
  declined: 'dark',
  leave_requested: 'yellow',
  leave_approved: 'blue',
  leave_rejected: 'orange',
  checked_in: 'green',
};

export function InvitationStateBadge({ state }: { state: InvitationState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" style={{ whiteSpace: 'nowrap' }}>
      {t(`attendance.state.${state}`)}
    </Badge>
  );
}
