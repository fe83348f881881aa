import type { TFunction } from 'i18next';
import i18n from '../../../i18n';
import type { LiveAckError } from './liveStore';

/** A refused command in the user's language: `errors.<CODE>` with the server's params. */
export function ackErrorText(t: TFunction, error: LiveAckError): string {
  const key = `errors.${error.code}`;
  if (i18n.exists(key)) return t(key, { ...error.params });
  return error.message || t('errors.INTERNAL');
}
