import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { isApiError } from './ApiError';

type Issue = { code: string; message: string; path?: string };

/** The translated sentence for any thrown value: `errors.<CODE>` with the error's params. */
export function errorText(t: TFunction, e: unknown): string {
  if (isApiError(e)) {
    const key = `errors.${e.code}`;
    return i18n.exists(key) ? t(key, { ...e.params }) : e.message;
  }
  return t('errors.INTERNAL');
}

/**
 * An issue code translated via `validation.<field>.<code>` (field-specific wording), then
 * `validation.<code>`, else the server's English message.
 */
export function issueText(t: TFunction, issue: Issue, field?: string): string {
  if (field && i18n.exists(`validation.${field}.${issue.code}`)) return t(`validation.${field}.${issue.code}`);
  if (i18n.exists(`validation.${issue.code}`)) return t(`validation.${issue.code}`);
  return issue.message;
}

export interface FormErrors {
  /** field name → translated message, for the fields the form shows */
  fields: Record<string, string>;
  /** what cannot be pinned on a field: the error itself, or issues about unknown paths */
  general: string | null;
}

/** Split an API error into field messages (for `knownFields`) and one general message. */
export function formErrors(t: TFunction, e: unknown, knownFields: readonly string[]): FormErrors {
  if (!e) return { fields: {}, general: null };
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  const issues = isApiError(e) ? e.fieldIssues : [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0];
    if (knownFields.includes(field)) fields[field] ??= issueText(t, issue, field);
    else leftover.push(issueText(t, issue, field || undefined));
  }
  // Conflicts that belong to one field even when the server sent no details.
  if (isApiError(e) && e.code === 'EMAIL_TAKEN' && knownFields.includes('email')) fields.email ??= t('errors.EMAIL_TAKEN');
  if (isApiError(e) && e.code === 'NAME_TAKEN' && knownFields.includes('name')) fields.name ??= t('errors.NAME_TAKEN');
  let general: string | null = null;
  if (leftover.length > 0) general = [...new Set(leftover)].join('; ');
  else if (Object.keys(fields).length === 0) general = errorText(t, e);
  return { fields, general };
}
