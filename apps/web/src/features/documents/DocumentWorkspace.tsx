import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Center, Grid, Group, Loader, Paper, Stack, Tabs, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDetail } from '@xieshang/contracts';
import { useSession } from '../auth/useSession';
import { CommentsPanel } from './comments/CommentsPanel';
import { NewCommentButton } from './comments/NewCommentButton';
import { rangeInEditor } from './comments/anchors';
import { DocumentKindBadge, DocumentRoleBadge, DocumentStateBadge } from './DocumentBadges';
import { commentsKey, documentKey, useDocumentComments, versionsKey, DOCUMENTS_KEY } from './documentQueries';
import { CollabEditor } from './editor/CollabEditor';
import { EditorToolbar } from './editor/EditorToolbar';
import { editorPolicy, type EditorPolicy } from './editor/editorPolicy';
import { PresenceList } from './editor/PresenceList';
import { usePresence } from './editor/presence';
import { SaveStatusBadge } from './editor/SaveStatusBadge';
import { useCollabSession, useSyncStatus, type CollabSession } from './editor/useCollabSession';
import { collabUser } from './editor/userColor';
import { AccessPanel } from './workflow/AccessPanel';
import { ExportMenu } from './workflow/ExportMenu';
import { HistoryList } from './workflow/HistoryList';
import { RenameButton } from './workflow/RenameButton';
import { StateBar } from './workflow/StateBar';
import { VersionsPanel } from './workflow/VersionsPanel';

/** Refresh what the server pushes to the document's room: comment changes, state changes, access changes. */
function useServerPushes(session: CollabSession | null, documentId: string) {
  const client = useQueryClient();
  useEffect(() => {
    const provider = session?.provider;
    if (!provider) return;
    const comments = () => void client.invalidateQueries({ queryKey: commentsKey(documentId) });
    const docState = () => {
      void client.invalidateQueries({ queryKey: documentKey(documentId) });
      void client.invalidateQueries({ queryKey: versionsKey(documentId) });
      void client.invalidateQueries({ queryKey: [...DOCUMENTS_KEY, 'list'] });
    };
    provider.on('comments', comments).on('doc-state', docState).on('access', docState);
    return () => void provider.off('comments', comments).off('doc-state', docState).off('access', docState);
  }, [session, documentId, client]);
}

/** The subject the document belongs to, as a link back to it. */
function SubjectLink({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  if (doc.meetingId) return <Anchor component={Link} to={`/meetings/${doc.meetingId}`} size="sm">{t('documents.detail.meeting', { title: doc.meetingTitle ?? '' })}</Anchor>;
  if (doc.topicId) return <Anchor component={Link} to={`/topics/${doc.topicId}`} size="sm">{t('documents.detail.topic', { title: doc.topicTitle ?? '' })}</Anchor>;
  if (doc.planItemId) return <Anchor component={Link} to="/plans" size="sm">{t('documents.detail.planItem', { title: doc.planItemTitle ?? '' })}</Anchor>;
  return null;
}

function ReadOnlyNotice({ reason }: { reason: EditorPolicy['readOnlyReason'] }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <Alert color={reason === 'finalized' ? 'green' : 'gray'} icon={<IconLock size={16} aria-hidden />} p="xs">
      {t(`documents.readOnly.${reason}`)}
    </Alert>
  );
}

/** Open threads whose text is gone from the document (recomputed as the document changes). */
function useDetachedThreads(editor: Editor | null, threads: { id: string; anchor: { start: string; end: string } }[]): ReadonlySet<string> {
  const ids = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? threads.filter((c) => !rangeInEditor(e.state, c.anchor)).map((c) => c.id).join(',') : ''),
  });
  return useMemo(() => new Set(ids ? ids.split(',') : []), [ids]);
}

/** Editor, who is here, save status, state bar, comments, versions, history, access: one document at work. */
export function DocumentWorkspace({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const me = useMemo(() => (user ? collabUser(user) : null), [user]);
  // Decided once per visit: finalizing (or a role change) must not tear down the open session.
  const [keepOfflineCopy] = useState(doc.can.edit);
  const session = useCollabSession(doc.id, user?.id, keepOfflineCopy);
  const status = useSyncStatus(session?.provider);
  const present = usePresence(session?.provider.awareness);
  const policy = editorPolicy(doc, status);
  useServerPushes(session, doc.id);

  const comments = useDocumentComments(doc.id);
  const threads = useMemo(() => comments.data ?? [], [comments.data]);
  const openThreads = useMemo(() => threads.filter((c) => !c.resolved).map((c) => ({ id: c.id, anchor: c.anchor })), [threads]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [tab, setTab] = useState<string | null>('comments');
  const detached = useDetachedThreads(editor, openThreads);

  const activate = useCallback((id: string) => {
    setActiveId(id);
    setTab('comments');
  }, []);
  /** Picked in the sidebar: select the commented text and bring it into view. */
  const showThread = useCallback(
    (id: string) => {
      setActiveId(id);
      const thread = threads.find((c) => c.id === id);
      const range = editor && thread ? rangeInEditor(editor.state, thread.anchor) : null;
      if (editor && range) editor.chain().setTextSelection(range).scrollIntoView().run();
    },
    [editor, threads],
  );

  const header = (e: Editor) => {
    const comment = policy.canComment ? <NewCommentButton editor={e} documentId={doc.id} onCreated={(c) => activate(c.id)} /> : null;
    return (
      <Group gap="xs" wrap="nowrap" py={policy.editable ? 0 : 6}>
        {policy.editable && <EditorToolbar editor={e} />}
        {comment}
      </Group>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>{doc.title}</Title>
            <RenameButton doc={doc} />
          </Group>
          <Group gap={6}>
            <DocumentKindBadge kind={doc.kind} />
            <DocumentStateBadge state={doc.state} />
            <DocumentRoleBadge role={doc.myRole} />
            <SubjectLink doc={doc} />
          </Group>
        </Stack>
        <ExportMenu documentId={doc.id} title={doc.title} finalized={doc.state === 'finalized'} />
      </Group>
      <StateBar doc={doc} />
      <Group justify="space-between" gap="xs">
        <SaveStatusBadge status={status} />
        <PresenceList present={present} />
      </Group>
      <ReadOnlyNotice reason={policy.readOnlyReason} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {session && me ? (
            <CollabEditor session={session} user={me} editable={policy.editable} comments={openThreads} activeCommentId={activeId}
              onActivateComment={activate} header={policy.editable || policy.canComment ? header : undefined} onEditor={setEditor} />
          ) : (
            <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="sm" radius="md">
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List grow>
                <Tabs.Tab value="comments" rightSection={openThreads.length ? <Badge size="xs" circle>{openThreads.length}</Badge> : null}>{t('documents.tabs.comments')}</Tabs.Tab>
                <Tabs.Tab value="versions">{t('documents.tabs.versions')}</Tabs.Tab>
                <Tabs.Tab value="history">{t('documents.tabs.history')}</Tabs.Tab>
                {doc.can.manageMembers && <Tabs.Tab value="access">{t('documents.tabs.access')}</Tabs.Tab>}
              </Tabs.List>
              <Tabs.Panel value="comments" pt="sm">
                <CommentsPanel documentId={doc.id} threads={threads} canComment={policy.canComment} activeId={activeId} onActivate={showThread} detached={detached} />
              </Tabs.Panel>
              <Tabs.Panel value="versions" pt="sm"><VersionsPanel doc={doc} /></Tabs.Panel>
              <Tabs.Panel value="history" pt="sm"><HistoryList history={doc.history} /></Tabs.Panel>
              {doc.can.manageMembers && <Tabs.Panel value="access" pt="sm"><AccessPanel doc={doc} /></Tabs.Panel>}
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
