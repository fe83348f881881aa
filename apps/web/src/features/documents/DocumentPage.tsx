import { Anchor, Center, Loader } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../shell/ErrorState';
import { DocumentWorkspace } from './DocumentWorkspace';
import { useDocument } from './documentQueries';

/** One document: the co-editing workspace (editor, who is here, comments, state, versions, export). */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const doc = useDocument(id);
  return (
    <>
      <Anchor component={Link} to="/documents" size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t('documents.detail.backToList')}
      </Anchor>
      {doc.error ? (
        <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />
      ) : !doc.data ? (
        <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>
      ) : (
        <DocumentWorkspace key={doc.data.id} doc={doc.data} />
      )}
    </>
  );
}
