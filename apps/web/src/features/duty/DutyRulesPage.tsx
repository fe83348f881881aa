import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DUTY_MEETING_EVENT_KINDS, DUTY_RULED_KINDS, DutyRoutes, type DutyMeetingEventKind, type DutyRules, type DutyRulesView } from '@xieshang/contracts';
import { DEFAULT_DUTY_RULES } from '@xieshang/domain';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { useOrgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { DUTY_KEY, DUTY_RULES_KEY, useDutyRules } from './dutyQueries';
import { rulesProblems } from './dutyView';

type Num = number | string;
/** A number input's value: '' (cleared) → undefined. */
const num = (v: Num): number | undefined => (v === '' || v === undefined ? undefined : Number(v));

/** /admin/duty-rules: the office edits the scoring rules; checked live with the api's own schema. */
export function DutyRulesPage() {
  const { t } = useTranslation();
  const { data, error, refetch } = useDutyRules();
  return (
    <Stack maw={960} gap="md">
      <PageHeader title={t('duty.rules.title')} description={t('duty.rules.description')} />
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data ? <DutyRulesEditor view={data} /> : <Loader aria-label={t('common.loading')} />}
    </Stack>
  );
}

export function DutyRulesEditor({ view }: { view: DutyRulesView }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const orgTime = useOrgTime();
  const client = useQueryClient();
  const [draft, setDraft] = useState<DutyRules>(view.rules);
  useEffect(() => setDraft(view.rules), [view.rules]);
  const problems = useMemo(() => rulesProblems(draft), [draft]);
  const problem = (path: string) => {
    const p = problems.get(path);
    return p ? t(`duty.rules.problems.${p}`) : undefined;
  };
  const save = useMutation({
    mutationFn: () => api(DutyRoutes.updateDutyRules, { body: draft }),
    onSuccess: (saved) => {
      client.setQueryData(DUTY_RULES_KEY, saved);
      void client.invalidateQueries({ queryKey: DUTY_KEY });
      notifications.show({ color: 'green', message: t('duty.rules.saved', { version: saved.version }) });
    },
  });

  const setPoints = (kind: (typeof DUTY_RULED_KINDS)[number], v: Num) => setDraft((d) => ({ ...d, points: { ...d.points, [kind]: num(v) ?? 0 } }));
  const setKindCap = (kind: string, v: Num) =>
    setDraft((d) => {
      const kindCaps: Record<string, number> = { ...d.kindCaps };
      const n = num(v);
      if (n === undefined) delete kindCaps[kind];
      else kindCaps[kind] = n;
      return { ...d, kindCaps };
    });
  const setTypePoints = (code: string, kind: DutyMeetingEventKind, v: Num) =>
    setDraft((d) => {
      const byKind: Partial<Record<DutyMeetingEventKind, number>> = { ...d.meetingTypePoints[code] };
      const n = num(v);
      if (n === undefined) delete byKind[kind];
      else byKind[kind] = n;
      return { ...d, meetingTypePoints: { ...d.meetingTypePoints, [code]: byKind } };
    });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {view.version === 0 ? t('duty.rules.usingDefaults') : t('duty.rules.versionInfo', { version: view.version, name: view.updatedByName ?? '—', at: orgTime.dateTime(view.updatedAt) })}
      </Text>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">{t('duty.rules.frame')}</Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <NumberInput label={t('duty.rules.baseScore')} value={draft.baseScore} onChange={(v) => setDraft((d) => ({ ...d, baseScore: num(v) ?? 0 }))} step={0.5} decimalScale={1} error={problem('baseScore')} />
          <NumberInput label={t('duty.rules.bonusCap')} description={t('duty.rules.emptyNoCap')} value={draft.bonusCap ?? ''} onChange={(v) => setDraft((d) => ({ ...d, bonusCap: num(v) ?? null }))} step={0.5} decimalScale={1} error={problem('bonusCap')} />
          <NumberInput label={t('duty.rules.deductionCap')} description={t('duty.rules.emptyNoCap')} value={draft.deductionCap ?? ''} onChange={(v) => setDraft((d) => ({ ...d, deductionCap: num(v) ?? null }))} step={0.5} decimalScale={1} error={problem('deductionCap')} />
          <NumberInput label={t('duty.rules.minScore')} value={draft.minScore} onChange={(v) => setDraft((d) => ({ ...d, minScore: num(v) ?? 0 }))} step={0.5} decimalScale={1} error={problem('minScore')} />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5">{t('duty.rules.perKind')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('duty.rules.perKindHint')}</Text>
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('duty.rules.perKind')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('duty.rules.kind')}</Table.Th>
                <Table.Th scope="col">{t('duty.rules.points')}</Table.Th>
                <Table.Th scope="col">{t('duty.rules.kindCap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {DUTY_RULED_KINDS.map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Th scope="row" fw={400}>{t(`duty.kinds.${kind}`)}</Table.Th>
                  <Table.Td>
                    <NumberInput aria-label={t('duty.rules.pointsOf', { kind: t(`duty.kinds.${kind}`) })} value={draft.points[kind]} onChange={(v) => setPoints(kind, v)} step={0.5} decimalScale={1} error={problem(`points.${kind}`)} w={120} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('duty.rules.capOf', { kind: t(`duty.kinds.${kind}`) })} placeholder={t('duty.rules.noCap')} value={draft.kindCaps[kind] ?? ''} onChange={(v) => setKindCap(kind, v)} step={0.5} decimalScale={1} error={problem(`kindCaps.${kind}`)} w={120} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5">{t('duty.rules.perMeetingType')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('duty.rules.perMeetingTypeHint')}</Text>
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={t('duty.rules.perMeetingType')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('duty.rules.meetingType')}</Table.Th>
                {DUTY_MEETING_EVENT_KINDS.map((k) => <Table.Th key={k} scope="col">{t(`duty.kinds.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.meetingTypes.map((mt) => {
                const name = locale === 'en' ? mt.nameEn : mt.nameZh;
                return (
                  <Table.Tr key={mt.code}>
                    <Table.Th scope="row" fw={400}>{name}</Table.Th>
                    {DUTY_MEETING_EVENT_KINDS.map((k) => (
                      <Table.Td key={k}>
                        <NumberInput
                          aria-label={t('duty.rules.typePointsOf', { type: name, kind: t(`duty.kinds.${k}`) })}
                          placeholder={String(draft.points[k])}
                          value={draft.meetingTypePoints[mt.code]?.[k] ?? ''}
                          onChange={(v) => setTypePoints(mt.code, k, v)}
                          step={0.5}
                          decimalScale={1}
                          error={problem(`meetingTypePoints.${mt.code}.${k}`)}
                          w={96}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {problems.size > 0 && <Alert color="yellow" role="status">{t('duty.rules.fixProblems', { count: problems.size })}</Alert>}
      {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setDraft(JSON.parse(JSON.stringify(DEFAULT_DUTY_RULES)) as DutyRules)}>{t('duty.rules.restoreDefaults')}</Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={problems.size > 0}>{t('duty.rules.save')}</Button>
      </Group>
    </Stack>
  );
}
