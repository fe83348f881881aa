import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/ApiError';
import { errorText, issueText } from '../../lib/errors';

/** The error's sentence as the title, and the server's file-level reasons (bad encoding, …) below. */
export function UploadErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const issues = isApiError(error) ? error.fieldIssues : [];
  return (
    <Alert color="red" role="alert" title={errorText(t, error)}>
      {issues.length > 0 && (
        <List size="sm">
          {issues.map((i, n) => (
            <List.Item key={n}>{issueText(t, i, i.path || undefined)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
