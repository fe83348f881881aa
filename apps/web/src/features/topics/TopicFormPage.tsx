import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TOPIC_SOURCES, TopicRoutes, type PolicyArea, type TopicSource } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { useSession } from '../auth/useSession';
import { usePeopleSearch, type PersonOption } from '../meetings/usePeopleSearch';
import { useOrgOptions } from '../org/useOrgUnits';
import { PageHeader } from '../shell/PageHeader';
import { TopicTextFields, type TopicText } from './TopicTextFields';
import { TOPICS_KEY, topicKey } from './topicQueries';

type IntakeSource = Exclude<TopicSource, 'public_call' | 'joint'>;
const FIELDS = ['title', 'summary', 'rationale', 'category', 'policyArea', 'coSignerIds', 'source', 'sourceRef', 'sectorId', 'committeeId', 'departmentId', 'proposerName'] as const;

/** Propose a topic. Members may invite co-signers (联名); the office can enter any source for others. */
export function TopicFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { user } = useSession();
  const office = !!user?.roles.includes('admin');
  const [text, setText] = useState<TopicText>({ title: '', summary: '', rationale: '', category: 'consultation', policyArea: null });
  const [source, setSource] = useState<IntakeSource>(office ? 'office' : user?.roles.includes('department') ? 'department' : 'member');
  const [coSigners, setCoSigners] = useState<PersonOption[]>([]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [sourceRef, setSourceRef] = useState('');
  const [proposerName, setProposerName] = useState('');
  const people = usePeopleSearch();
  const unitKind = source === 'sector' ? 'sectors' : source === 'committee' ? 'committees' : source === 'department' ? 'departments' : null;
  const unitOptions = useOrgOptions(unitKind ?? 'sectors', office && !!unitKind);

  const create = useMutation({
    mutationFn: () =>
      api(TopicRoutes.createTopic, {
        body: {
          ...text,
          policyArea: (text.policyArea ?? undefined) as PolicyArea,
          source,
          coSignerIds: coSigners.map((c) => c.value),
          sectorId: office && source === 'sector' ? unitId : undefined,
          committeeId: office && source === 'committee' ? unitId : undefined,
          departmentId: office && source === 'department' ? unitId : undefined,
          sourceRef: sourceRef || undefined,
          proposerName: office && proposerName ? proposerName : undefined,
        },
      }),
    onSuccess: (saved) => {
      client.setQueryData(topicKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: TOPICS_KEY });
      notifications.show({ color: 'green', message: t('topics.form.submitted') });
      void navigate(`/topics/${saved.id}`);
    },
  });
  const { fields, general } = formErrors(t, create.error, FIELDS);
  const sources: IntakeSource[] = office
    ? TOPIC_SOURCES.filter((s): s is IntakeSource => s !== 'public_call' && s !== 'joint')
    : (['member', user?.sectorId && 'sector', user?.committeeId && 'committee', user?.roles.includes('department') && 'department'].filter(Boolean) as IntakeSource[]);
  // Options shown in the picker: the search results plus whoever is already picked (so their chips keep a label).
  const peopleData = [...new Map([...coSigners, ...people.options].filter((p) => p.value !== user?.id).map((p) => [p.value, p])).values()];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <>
      <PageHeader title={t('topics.form.title')} description={t('topics.form.description')} />
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate maw={760}>
        <Stack>
          <TopicTextFields value={text} onChange={setText} errors={fields} />
          {sources.length > 1 && (
            <Select label={t('topics.fields.source')} value={source} onChange={(v) => { setSource((v ?? 'member') as IntakeSource); setUnitId(null); }} allowDeselect={false}
              data={sources.map((s) => ({ value: s, label: t(`topics.source.${s}`) }))} error={fields.source} />
          )}
          {office && unitKind && (
            <Select label={t(`topics.fields.${source === 'sector' ? 'sector' : source === 'committee' ? 'committee' : 'department'}`)} data={unitOptions} value={unitId} onChange={setUnitId} searchable required
              error={fields.sectorId ?? fields.committeeId ?? fields.departmentId} />
          )}
          {office && (source === 'office' || source === 'party_committee') && (
            <>
              <TextInput label={t('topics.fields.proposerName')} value={proposerName} onChange={(e) => setProposerName(e.currentTarget.value)} maxLength={100} error={fields.proposerName} />
              <TextInput label={t('topics.fields.sourceRef')} value={sourceRef} onChange={(e) => setSourceRef(e.currentTarget.value)} maxLength={200} required={source === 'party_committee'} error={fields.sourceRef} />
            </>
          )}
          {(source === 'member' || source === 'sector' || source === 'committee') && (
            <MultiSelect
              label={t('topics.fields.coSigners')}
              description={t('topics.hints.coSigners')}
              placeholder={t('topics.form.searchPeople')}
              data={peopleData}
              value={coSigners.map((c) => c.value)}
              onChange={(ids) => setCoSigners(ids.map((id) => peopleData.find((p) => p.value === id) ?? { value: id, label: id }))}
              searchable
              searchValue={people.search}
              onSearchChange={people.setSearch}
              filter={({ options }) => options}
              error={fields.coSignerIds}
              maxValues={50}
            />
          )}
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(-1)}>{t('topics.detail.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('topics.form.submit')}</Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
