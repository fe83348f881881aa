import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@xieshang/contracts';
import i18n from '../../i18n';
import { issueText } from '../../lib/errors';

type Issue = ImportPreview['fileIssues'][number];

export function useIssueText() {
  const { t } = useTranslation();
  const columnLabel = (c: string) => (i18n.exists(`import.columns.${c}`) ? t(`import.columns.${c}`) : c);
  const message = (i: Issue) => issueText(t, i, i.column || undefined);
  return {
    columnLabel,
    /** "row 7: email — not a valid email address" */
    rowIssueText: (row: number, i: Issue) => t('import.rowIssue', { row, column: columnLabel(i.column), message: message(i) }),
    fileIssueText: (i: Issue) => (i.column ? t('import.fileIssue', { column: columnLabel(i.column), message: message(i) }) : message(i)),
  };
}
