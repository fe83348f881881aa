import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@xieshang/contracts';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'brand',
  chair: 'grape',
  member: 'blue',
  department: 'teal',
  leader: 'orange',
  observer: 'gray',
};

export function RoleBadges({ roles, standing }: { roles: readonly Role[]; standing?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {standing && (
        <Badge color="yellow" variant="filled" size="sm" title={t('members.standingCommitteeFull')}>
          {t('members.standingCommittee')}
        </Badge>
      )}
      {roles.map((r) => (
        <Badge key={r} color={ROLE_COLORS[r]} variant="light" size="sm">{t(`roles.${r}`)}</Badge>
      ))}
    </Group>
  );
}
