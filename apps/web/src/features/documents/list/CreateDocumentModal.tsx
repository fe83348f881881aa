import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentDetail, type DocumentKind, type SessionUser } from '@xieshang/contracts';
import { canCreateDocument } from '@xieshang/domain';
import { errorText } from '../../../lib/errors';
import { useCreateDocument } from '../documentQueries';
import { useSubjectSearch, useSubjectTitle, withSelected } from './subjectSearch';

/** Kinds this user may create (minutes: the office, or the host of the meeting, which the server checks). */
export function creatableKinds(user: Pick<SessionUser, 'id' | 'roles'> | null | undefined): DocumentKind[] {
  if (!user) return [];
  return DOCUMENT_KINDS.filter((k) => canCreateDocument(user, k, { isMeetingHost: k === 'minutes' && user.roles.includes('chair') }));
}

type Initial = { kind: DocumentKind; meetingId?: string; topicId?: string };

/** New document: blank draft, consensus report or recommendation for a topic, or minutes for a meeting. */
export function CreateDocumentModal({ opened, onClose, kinds, initial, onCreated }: {
  opened: boolean;
  onClose: () => void;
  kinds: DocumentKind[];
  initial?: Initial;
  onCreated: (doc: DocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDocument();
  const [kind, setKind] = useState<DocumentKind>(kinds[0] ?? 'blank');
  const [title, setTitle] = useState('');
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [topicId, setTopicId] = useState<string | null>(null);
  const needsMeeting = kind === 'minutes';
  const needsTopic = kind === 'report' || kind === 'recommendation';
  const meetings = useSubjectSearch('meeting', opened && (needsMeeting || kind === 'blank'));
  const topics = useSubjectSearch('topic', opened && needsTopic);
  const initialMeetingTitle = useSubjectTitle('meeting', opened ? initial?.meetingId : null);
  const initialTopicTitle = useSubjectTitle('topic', opened ? initial?.topicId : null);

  useEffect(() => {
    if (!opened) return;
    const k = initial && kinds.includes(initial.kind) ? initial.kind : kinds.includes('blank') ? 'blank' : (kinds[0] ?? 'blank');
    setKind(k);
    setTitle('');
    setMeetingId(initial?.meetingId ?? null);
    setTopicId(initial?.topicId ?? null);
    create.reset();
    // Reset only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const ready = needsMeeting ? !!meetingId : needsTopic ? !!topicId : !!title.trim() || !!meetingId;
  const submit = () => {
    if (!ready) return;
    create.mutate(
      {
        kind,
        title: title.trim() || undefined,
        meetingId: needsMeeting || kind === 'blank' ? meetingId : null,
        topicId: needsTopic ? topicId : null,
      },
      { onSuccess: (doc) => { onClose(); onCreated(doc); } },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('documents.create.title')} centered>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <Select label={t('documents.fields.kind')} data={kinds.map((k) => ({ value: k, label: t(`documents.create.kind.${k}`) }))} value={kind}
            onChange={(v) => v && setKind(v as DocumentKind)} allowDeselect={false} />
          {(needsMeeting || kind === 'blank') && (
            <Select label={t('documents.fields.meeting')} placeholder={t('documents.create.meetingPlaceholder')} searchable clearable={!needsMeeting} required={needsMeeting}
              data={withSelected(meetings.options, meetingId, initialMeetingTitle)} value={meetingId} onChange={setMeetingId} searchValue={meetings.search} onSearchChange={meetings.setSearch}
              filter={({ options }) => options} nothingFoundMessage={t('documents.create.nothingFound')} />
          )}
          {needsTopic && (
            <Select label={t('documents.fields.topic')} placeholder={t('documents.create.topicPlaceholder')} searchable required
              data={withSelected(topics.options, topicId, initialTopicTitle)} value={topicId} onChange={setTopicId} searchValue={topics.search} onSearchChange={topics.setSearch}
              filter={({ options }) => options} nothingFoundMessage={t('documents.create.nothingFound')} />
          )}
          <TextInput label={t('documents.fields.title')} description={kind === 'blank' ? undefined : t('documents.create.titleDefault')} value={title}
            onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required={kind === 'blank' && !meetingId} />
          {create.error && <Alert color="red" role="alert">{errorText(t, create.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" disabled={!ready} loading={create.isPending}>{t('documents.create.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
