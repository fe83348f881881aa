import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, DocumentRole, DocumentState } from '@xieshang/contracts';

const STATE_COLORS: Record<DocumentState, string> = { draft: 'gray', in_review: 'yellow', finalized: 'green' };
const ROLE_COLORS: Record<DocumentRole, string> = { editor: 'blue', commenter: 'grape', reader: 'gray' };

export function DocumentStateBadge({ state }: { state: DocumentState }) {
  const { t } = useTranslation();
  return <Badge color={STATE_COLORS[state]} variant="light">{t(`documents.state.${state}`)}</Badge>;
}

export function DocumentKindBadge({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  return <Badge color="indigo" variant="outline">{t(`documents.kind.${kind}`)}</Badge>;
}

export function DocumentRoleBadge({ role }: { role: DocumentRole }) {
  const { t } = useTranslation();
  return <Badge color={ROLE_COLORS[role]} variant="dot">{t(`documents.role.${role}`)}</Badge>;
}
