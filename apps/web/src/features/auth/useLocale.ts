import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CoreRoutes, type Locale } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { isLocale, rememberLocale } from '../../i18n';
import { useSession, useSetSession } from './useSession';

/** Switch the UI language; remembered in this browser and, when logged in, on the account. */
export function useChangeLocale() {
  const { i18n } = useTranslation();
  const { user } = useSession();
  const setSession = useSetSession();
  return async (locale: Locale) => {
    rememberLocale(locale);
    await i18n.changeLanguage(locale);
    if (user && user.locale !== locale) {
      try {
        setSession(await api(CoreRoutes.updatePreferences, { body: { locale } }));
      } catch {
        // The switch still works locally; the account keeps its old preference.
      }
    }
  };
}

export function useCurrentLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

/** After login (or on reload) the account's stored language wins. */
export function useApplyAccountLocale() {
  const { user } = useSession();
  const { i18n } = useTranslation();
  useEffect(() => {
    if (user && user.locale !== i18n.language) {
      rememberLocale(user.locale);
      void i18n.changeLanguage(user.locale);
    }
    // Only when the account (or its stored preference) changes, not on every language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id, user?.locale]);
}
