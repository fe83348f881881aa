import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingType } from '@xieshang/contracts';

/** The rules a type brings: notice and materials periods, who approves leave, speaking time. */
export function TypeDefaults({ type }: { type: MeetingType }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="type-defaults">
      {t('meetings.form.typeDefaults', {
        notice: type.noticeWorkingDays,
        materials: type.materialsWorkingDays,
        approver: t(`meetings.leaveApprover.${type.leaveApprover}`),
        limit: type.speakingLimitMinutes,
      })}
    </Text>
  );
}
