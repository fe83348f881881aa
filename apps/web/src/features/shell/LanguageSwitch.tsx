import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@xieshang/contracts';
import { useChangeLocale, useCurrentLocale } from '../auth/useLocale';

/** Language names are written in their own language, so anyone can find theirs. */
const NATIVE_NAMES: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useCurrentLocale();
  const change = useChangeLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" aria-label={t('app.language')} leftSection={<IconLanguage size={18} aria-hidden />} px="xs">
          <span aria-hidden>{NATIVE_NAMES[current]}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            onClick={() => void change(lng)}
            leftSection={lng === current ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14, display: 'inline-block' }} />}
            aria-current={lng === current ? 'true' : undefined}
          >
            {NATIVE_NAMES[lng]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
