import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_MEMBER_ROLES, type DocumentDetail, type DocumentMemberRole } from '@xieshang/contracts';
import { errorText } from '../../../lib/errors';
import { usePeopleSearch } from '../../meetings/usePeopleSearch';
import { useDocumentMutations } from '../documentQueries';

/** The office assigns editors and commenters (everyone else who may see the subject reads). */
export function AccessPanel({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const { setMember, removeMember } = useDocumentMutations(doc.id);
  const people = usePeopleSearch();
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<DocumentMemberRole>('editor');
  const roleOptions = DOCUMENT_MEMBER_ROLES.map((r) => ({ value: r, label: t(`documents.role.${r}`) }));
  const error = setMember.error ?? removeMember.error;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('documents.access.hint')}</Text>
      {doc.members.length === 0 && <Text size="sm" c="dimmed">{t('documents.access.empty')}</Text>}
      <Stack gap={6} component="ul" aria-label={t('documents.access.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {doc.members.map((m) => (
          <Group key={m.userId} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" truncate>{m.name}</Text>
            <Group gap={4} wrap="nowrap">
              <Select size="xs" w={110} data={roleOptions} value={m.role} allowDeselect={false} aria-label={t('documents.access.roleOf', { name: m.name })}
                onChange={(v) => v && v !== m.role && setMember.mutate({ userId: m.userId, role: v as DocumentMemberRole })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('documents.access.remove', { name: m.name })} loading={removeMember.isPending && removeMember.variables === m.userId}
                onClick={() => removeMember.mutate(m.userId)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Stack>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (userId) setMember.mutate({ userId, role }, { onSuccess: () => { setUserId(null); people.setSearch(''); } });
      }}>
        <Stack gap={6}>
          <Select label={t('documents.access.person')} placeholder={t('documents.access.personPlaceholder')} searchable data={people.options} value={userId} onChange={setUserId}
            searchValue={people.search} onSearchChange={people.setSearch} filter={({ options }) => options} nothingFoundMessage={people.search ? t('documents.access.nobody') : undefined} />
          <Group gap="xs" align="flex-end">
            <Select label={t('documents.access.role')} data={roleOptions} value={role} onChange={(v) => v && setRole(v as DocumentMemberRole)} allowDeselect={false} w={130} />
            <Button type="submit" disabled={!userId} loading={setMember.isPending}>{t('documents.access.add')}</Button>
          </Group>
        </Stack>
      </form>
      {error && <Alert color="red" role="alert" p="xs">{errorText(t, error)}</Alert>}
    </Stack>
  );
}
