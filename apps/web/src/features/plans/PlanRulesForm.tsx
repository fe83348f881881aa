import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanRoutes, type MeetingType, type PlanRules } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { PLAN_RULES_KEY, PLANS_KEY } from './planQueries';

/** The office sets the organisation rules: minimum activities per meeting type, supervision share, topics per person per call. */
export function PlanRulesForm({ rules, types }: { rules: PlanRules; types: readonly MeetingType[] }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const client = useQueryClient();
  const [draft, setDraft] = useState<PlanRules>(rules);
  useEffect(() => setDraft(rules), [rules]);
  const save = useMutation({
    mutationFn: () => api(PlanRoutes.updatePlanRules, { body: draft }),
    onSuccess: (saved) => {
      client.setQueryData(PLAN_RULES_KEY, saved);
      void client.invalidateQueries({ queryKey: PLANS_KEY });
      notifications.show({ color: 'green', message: t('plans.rulesForm.saved') });
    },
  });
  const setMin = (code: string, n: number) => setDraft((d) => ({ ...d, minActivitiesPerType: { ...d.minActivitiesPerType, [code]: n } }));
  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Title order={3} size="h5">{t('plans.rulesForm.title')}</Title>
          <Text size="sm" c="dimmed">{t('plans.rulesForm.description')}</Text>
        </div>
        <Text fw={500} size="sm">{t('plans.rulesForm.minPerType')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {types.filter((ty) => ty.active).map((ty) => (
            <NumberInput key={ty.code} label={locale === 'en' ? ty.nameEn : ty.nameZh} min={0} max={100} value={draft.minActivitiesPerType[ty.code] ?? 0} onChange={(v) => setMin(ty.code, Number(v) || 0)} />
          ))}
        </SimpleGrid>
        <Group grow align="flex-start">
          <NumberInput
            label={t('plans.rulesForm.supervisionShare')}
            description={t('plans.rulesForm.supervisionShareHint')}
            min={0}
            max={100}
            suffix="%"
            value={Math.round(draft.minSupervisionShare * 1000) / 10}
            onChange={(v) => setDraft((d) => ({ ...d, minSupervisionShare: Math.min(1, Math.max(0, (Number(v) || 0) / 100)) }))}
          />
          <NumberInput
            label={t('plans.rulesForm.maxPerCall')}
            description={t('plans.rulesForm.maxPerCallHint')}
            min={1}
            max={100}
            value={draft.maxTopicsPerPersonPerCall}
            onChange={(v) => setDraft((d) => ({ ...d, maxTopicsPerPersonPerCall: Math.max(1, Number(v) || 1) }))}
          />
        </Group>
        {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending}>{t('plans.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
