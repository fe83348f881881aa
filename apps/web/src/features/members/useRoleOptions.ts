import { useTranslation } from 'react-i18next';
import { ROLES } from '@xieshang/contracts';

export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}
