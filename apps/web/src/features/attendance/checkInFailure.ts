import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';

/** Codes the check-in page explains in its own words, with what to do next. */
const EXPLAINED = ['CHECK_IN_CODE_INVALID', 'NOT_INVITED', 'CHECK_IN_NOT_OPEN', 'VALIDATION_FAILED', 'NOT_FOUND'] as const;

export function checkInFailure(t: TFunction, e: unknown, dateTime: (iso: string) => string): { title: string; hint: string } {
  const code = isApiError(e) ? e.code : null;
  const known = EXPLAINED.find((c) => c === code);
  if (!known) return { title: t('attendance.checkIn.failure.other'), hint: errorText(t, e) };
  const title = t(`attendance.checkIn.failure.${known}.title`);
  // The api says when the window opens and closes; show it in the organisation's time.
  const params = isApiError(e) ? e.params : undefined;
  if (known === 'CHECK_IN_NOT_OPEN' && typeof params?.opensAt === 'string' && typeof params.closesAt === 'string') {
    return { title, hint: t('attendance.checkIn.failure.CHECK_IN_NOT_OPEN.window', { opensAt: dateTime(params.opensAt), closesAt: dateTime(params.closesAt) }) };
  }
  return { title, hint: t(`attendance.checkIn.failure.${known}.hint`) };
}
