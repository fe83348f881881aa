import { useRef } from 'react';
import { Checkbox, Group, Input, MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgOptions } from '../org/useOrgUnits';
import type { Invitees } from './meetingForm';
import { usePeopleSearch, type PersonOption } from './usePeopleSearch';

interface Props {
  value: Invitees;
  onChange: (v: Invitees) => void;
  /** names of already invited people (edit), so their pills read as names */
  knownPeople: readonly PersonOption[];
  error?: string;
}

type InviteeGroup = Invitees['groups'][number];

/** Invite whole groups, sectors, committees, departments and individual people. */
export function InviteesPicker({ value, onChange, knownPeople, error }: Props) {
  const { t } = useTranslation();
  const sectors = useOrgOptions('sectors');
  const committees = useOrgOptions('committees');
  const departments = useOrgOptions('departments');
  const people = usePeopleSearch();
  // Labels of everyone picked so far, so a pill keeps its name after the search moves on.
  const labels = useRef(new Map<string, string>());
  for (const p of [...knownPeople, ...people.options]) labels.current.set(p.value, p.label);
  const peopleData = [
    ...value.userIds.map((id) => ({ value: id, label: labels.current.get(id) ?? t('meetings.invitees.unknownPerson') })),
    ...people.options.filter((o) => !value.userIds.includes(o.value)),
  ];
  const set = <K extends keyof Invitees>(key: K, v: Invitees[K]) => onChange({ ...value, [key]: v });
  const toggleGroup = (g: InviteeGroup, on: boolean) => set('groups', on ? [...new Set([...value.groups, g])] : value.groups.filter((x) => x !== g));

  const parts = [
    ...value.groups.map((g) => t(`meetings.invitees.group.${g}`)),
    value.sectorIds.length ? t('meetings.invitees.sectorsCount', { count: value.sectorIds.length }) : null,
    value.committeeIds.length ? t('meetings.invitees.committeesCount', { count: value.committeeIds.length }) : null,
    value.departmentIds.length ? t('meetings.invitees.departmentsCount', { count: value.departmentIds.length }) : null,
    value.userIds.length ? t('meetings.invitees.peopleCount', { count: value.userIds.length }) : null,
  ].filter(Boolean);

  return (
    <Input.Wrapper label={t('meetings.invitees.label')} description={t('meetings.invitees.hint')} error={error}>
      <Stack gap="sm" mt={6}>
        <Group gap="lg">
          <Checkbox label={t('meetings.invitees.group.all_members')} checked={value.groups.includes('all_members')} onChange={(e) => toggleGroup('all_members', e.currentTarget.checked)} />
          <Checkbox
            label={t('meetings.invitees.group.standing_committee')}
            checked={value.groups.includes('standing_committee')}
            onChange={(e) => toggleGroup('standing_committee', e.currentTarget.checked)}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MultiSelect label={t('meetings.invitees.sectors')} data={sectors} value={value.sectorIds} onChange={(v) => set('sectorIds', v)} searchable clearable />
          <MultiSelect label={t('meetings.invitees.committees')} data={committees} value={value.committeeIds} onChange={(v) => set('committeeIds', v)} searchable clearable />
          <MultiSelect label={t('meetings.invitees.departments')} data={departments} value={value.departmentIds} onChange={(v) => set('departmentIds', v)} searchable clearable />
        </SimpleGrid>
        <MultiSelect
          label={t('meetings.invitees.people')}
          placeholder={t('meetings.invitees.peoplePlaceholder')}
          data={peopleData}
          value={value.userIds}
          onChange={(v) => set('userIds', v)}
          searchable
          searchValue={people.search}
          onSearchChange={people.setSearch}
          // The server already matched the name; do not filter its answer a second time.
          filter={({ options }) => options}
          nothingFoundMessage={people.search.trim() ? (people.loading ? t('common.loading') : t('meetings.invitees.nobodyFound')) : t('meetings.invitees.typeToSearch')}
          clearable
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {parts.length ? t('meetings.invitees.summary', { parts: parts.join(t('meetings.invitees.separator')) }) : t('meetings.invitees.none')}
        </Text>
      </Stack>
    </Input.Wrapper>
  );
}
