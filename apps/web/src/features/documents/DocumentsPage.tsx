import { useState } from 'react';
import { Anchor, Button, Card, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DOCUMENT_KINDS, DOCUMENT_STATES, type DocumentKind, type DocumentState, type DocumentSummary } from '@xieshang/contracts';
import { useUrlSearch } from '../../lib/useUrlSearch';
import { useOrgTime } from '../attendance/useOrgTime';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { DocumentKindBadge, DocumentRoleBadge, DocumentStateBadge } from './DocumentBadges';
import { CreateDocumentModal, creatableKinds } from './list/CreateDocumentModal';
import { useDocumentList } from './documentQueries';
import { useSubjectSearch, useSubjectTitle, withSelected } from './list/subjectSearch';

const PAGE_SIZE = 20;

/** Minutes, reports and drafts I may see, newest first; filters in the URL; create what my role allows. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { params, update, q, setQ, debouncedQ } = useUrlSearch();
  const kind = (params.get('kind') as DocumentKind | null) ?? undefined;
  const state = (params.get('state') as DocumentState | null) ?? undefined;
  const meetingId = params.get('meetingId') ?? undefined;
  const topicId = params.get('topicId') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useDocumentList({ kind, state, meetingId, topicId, q: debouncedQ || undefined, page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const kinds = creatableKinds(user);
  const meetings = useSubjectSearch('meeting', true);
  const meetingTitle = useSubjectTitle('meeting', meetingId);
  const topicTitle = useSubjectTitle('topic', topicId);

  return (
    <>
      <PageHeader title={t('documents.list.title')} description={t('documents.list.description')}
        actions={kinds.length > 0 && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>{t('documents.list.create')}</Button>} />
      <Group gap="sm" mb="md" align="flex-end" role="search" aria-label={t('documents.list.filters')}>
        <TextInput leftSection={<IconSearch size={16} aria-hidden />} placeholder={t('documents.list.search')} aria-label={t('documents.list.search')} type="search"
          value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: '1 1 200px' }} />
        <Select aria-label={t('documents.fields.kind')} placeholder={t('documents.list.anyKind')} clearable w={150}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} value={kind ?? null} onChange={(v) => update({ kind: v })} />
        <Select aria-label={t('documents.fields.state')} placeholder={t('documents.list.anyState')} clearable w={130}
          data={DOCUMENT_STATES.map((s) => ({ value: s, label: t(`documents.state.${s}`) }))} value={state ?? null} onChange={(v) => update({ state: v })} />
        <Select aria-label={t('documents.fields.meeting')} placeholder={t('documents.list.anyMeeting')} clearable searchable w={220}
          data={withSelected(meetings.options, meetingId ?? null, meetingTitle)} value={meetingId ?? null} onChange={(v) => update({ meetingId: v })}
          searchValue={meetings.search} onSearchChange={meetings.setSearch} filter={({ options }) => options} nothingFoundMessage={t('documents.create.nothingFound')} />
        {topicId && (
          <Group gap={4} wrap="nowrap">
            <Text size="sm">{topicTitle ? t('documents.list.forTopic', { title: topicTitle }) : t('documents.list.forTopicAny')}</Text>
            <CloseButton size="sm" aria-label={t('documents.list.clearSubject')} onClick={() => update({ topicId: null })} />
          </Group>
        )}
      </Group>
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          {list.data.items.length === 0 && <Text c="dimmed">{t('documents.list.empty')}</Text>}
          <Stack gap="xs" component="ul" aria-label={t('documents.list.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.data.items.map((d) => <li key={d.id}><DocumentCard doc={d} /></li>)}
          </Stack>
          <TableFooter total={list.data.total} page={page} pageSize={PAGE_SIZE} onPage={(p) => update({ page: String(p) })} />
        </>
      )}
      <CreateDocumentModal opened={creating} onClose={() => setCreating(false)} kinds={kinds}
        initial={meetingId ? { kind: 'minutes', meetingId } : topicId ? { kind: 'report', topicId } : undefined}
        onCreated={(doc) => navigate(`/documents/${doc.id}`)} />
    </>
  );
}

function DocumentCard({ doc }: { doc: DocumentSummary }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const subject = doc.meetingTitle ?? doc.topicTitle ?? doc.planItemTitle;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/documents/${doc.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{doc.title}</Anchor>
          {subject && <Text size="sm" c="dimmed" truncate>{subject}</Text>}
          <Text size="xs" c="dimmed">{t('documents.list.updated', { time: time.dateTime(doc.updatedAt) })}</Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Group gap={4} justify="flex-end"><DocumentKindBadge kind={doc.kind} /><DocumentStateBadge state={doc.state} /></Group>
          <DocumentRoleBadge role={doc.myRole} />
        </Stack>
      </Group>
    </Card>
  );
}
