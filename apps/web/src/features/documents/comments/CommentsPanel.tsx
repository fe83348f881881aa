import { useState } from 'react';
import { Alert, Anchor, Blockquote, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentComment, DocumentCommentReply } from '@xieshang/contracts';
import { errorText } from '../../../lib/errors';
import { useOrgTime } from '../../attendance/useOrgTime';
import { useCommentMutations } from './useCommentMutations';

interface Props {
  documentId: string;
  threads: DocumentComment[];
  canComment: boolean;
  activeId: string | null;
  /** the thread was picked here: highlight it and show its text in the editor */
  onActivate: (id: string) => void;
  /** threads whose text is no longer in the document */
  detached: ReadonlySet<string>;
}

/** The comment threads beside the editor: open ones first; reply, resolve, reopen. */
export function CommentsPanel({ documentId, threads, canComment, activeId, onActivate, detached }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'resolved'>('open');
  const shown = threads.filter((c) => c.resolved === (filter === 'resolved'));
  const openCount = threads.filter((c) => !c.resolved).length;
  return (
    <Stack gap="sm">
      <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as 'open' | 'resolved')} aria-label={t('documents.comments.filter')}
        data={[
          { value: 'open', label: t('documents.comments.open', { count: openCount }) },
          { value: 'resolved', label: t('documents.comments.resolved', { count: threads.length - openCount }) },
        ]} />
      {shown.length === 0 && <Text size="sm" c="dimmed">{filter === 'open' ? t('documents.comments.emptyOpen') : t('documents.comments.emptyResolved')}</Text>}
      <Stack gap="sm" component="ul" aria-label={t('documents.comments.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((c) => (
          <li key={c.id}>
            <Thread documentId={documentId} thread={c} canComment={canComment} active={c.id === activeId} detached={detached.has(c.id)} onActivate={() => onActivate(c.id)} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function Entry({ entry }: { entry: DocumentCommentReply }) {
  const time = useOrgTime();
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>{entry.authorName ?? '—'}</Text>
        <Text size="xs" c="dimmed">{time.dateTime(entry.createdAt)}</Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{entry.body}</Text>
    </div>
  );
}

function Thread({ documentId, thread, canComment, active, detached, onActivate }: {
  documentId: string;
  thread: DocumentComment;
  canComment: boolean;
  active: boolean;
  detached: boolean;
  onActivate: () => void;
}) {
  const { t } = useTranslation();
  const { reply, resolve } = useCommentMutations(documentId);
  const [body, setBody] = useState('');
  const sendReply = () => {
    if (!body.trim()) return;
    reply.mutate({ commentId: thread.id, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  const error = reply.error ?? resolve.error;
  return (
    <Paper withBorder p="sm" radius="md" bg={active ? 'yellow.0' : undefined} aria-current={active ? 'true' : undefined}
      aria-label={t('documents.comments.threadLabel', { name: thread.authorName ?? '', quote: thread.quote })}>
      <Stack gap={6}>
        <Anchor component="button" type="button" onClick={onActivate} ta="left" c="dimmed" size="sm" underline="never">
          <Blockquote p={4} pl="xs" fz="sm" style={{ borderLeftWidth: 3 }} c="dimmed">{thread.quote || t('documents.comments.noQuote')}</Blockquote>
        </Anchor>
        {detached && !thread.resolved && <Text size="xs" c="orange.8">{t('documents.comments.detached')}</Text>}
        <Entry entry={thread} />
        {thread.replies.map((r) => <Entry key={r.id} entry={r} />)}
        {thread.resolved && thread.resolvedByName && <Text size="xs" c="dimmed">{t('documents.comments.resolvedBy', { name: thread.resolvedByName })}</Text>}
        {canComment && !thread.resolved && (
          <form onSubmit={(e) => { e.preventDefault(); sendReply(); }}>
            <Stack gap={4}>
              <Textarea size="xs" autosize minRows={1} maxLength={5000} placeholder={t('documents.comments.replyPlaceholder')} aria-label={t('documents.comments.reply')}
                value={body} onChange={(e) => setBody(e.currentTarget.value)} />
              {body.trim() && <Group justify="flex-end"><Button size="compact-xs" type="submit" loading={reply.isPending}>{t('documents.comments.reply')}</Button></Group>}
            </Stack>
          </form>
        )}
        {canComment && (
          <Group justify="flex-end">
            <Button size="compact-xs" variant="subtle" loading={resolve.isPending} onClick={() => resolve.mutate({ commentId: thread.id, resolved: !thread.resolved })}>
              {thread.resolved ? t('documents.comments.reopen') : t('documents.comments.resolve')}
            </Button>
          </Group>
        )}
        {error && <Alert color="red" role="alert" p="xs">{errorText(t, error)}</Alert>}
      </Stack>
    </Paper>
  );
}
