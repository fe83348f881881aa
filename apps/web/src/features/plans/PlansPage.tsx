import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PlanRoutes } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSession } from '../auth/useSession';
import { useMeetingTypes } from '../meetings/useMeetingTypes';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { PlanRulesForm } from './PlanRulesForm';
import { usePlanRules, usePlans, useStorePlan } from './planQueries';

/** Annual plans by year; the office starts next year's plan and sets the organisation rules here. */
export function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const { data, error, isLoading, refetch } = usePlans();
  const manages = !!user && hasPermission(user, 'plans.manage');
  const setsRules = !!user && hasPermission(user, 'settings.manage');
  const rules = usePlanRules();
  const types = useMeetingTypes(setsRules).data ?? [];
  const store = useStorePlan();
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: () => api(PlanRoutes.createPlan, { body: { year, title: title.trim() || undefined } }),
    onSuccess: (plan) => {
      store(plan);
      void navigate(`/plans/${plan.id}`);
    },
  });

  return (
    <>
      <PageHeader title={t('plans.title')} description={t('plans.description')} />
      <Stack>
        {manages && (
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">{t('plans.create.title')}</Title>
            <Group align="flex-end">
              <NumberInput label={t('plans.create.year')} value={year} onChange={(v) => setYear(Number(v) || year)} min={2000} max={2100} w={140} />
              <TextInput label={t('plans.create.name')} placeholder={t('plans.create.namePlaceholder', { year })} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} style={{ flex: 1 }} />
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => create.mutate()} loading={create.isPending}>{t('plans.create.submit')}</Button>
            </Group>
            {create.error != null && <Alert color="red" role="alert" mt="sm">{errorText(t, create.error)}</Alert>}
          </Paper>
        )}
        {error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Table striped verticalSpacing="sm" aria-busy={isLoading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.list.year')}</Table.Th>
                <Table.Th scope="col">{t('plans.list.name')}</Table.Th>
                <Table.Th scope="col">{t('plans.list.state')}</Table.Th>
                <Table.Th scope="col">{t('plans.list.items')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!isLoading && (data ?? []).length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}><Text c="dimmed" ta="center" py="md">{t('plans.list.empty')}</Text></Table.Td>
                </Table.Tr>
              )}
              {(data ?? []).map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.year}</Table.Td>
                  <Table.Th scope="row"><Anchor component={Link} to={`/plans/${p.id}`}>{p.title}</Anchor></Table.Th>
                  <Table.Td><Badge variant="light">{t(`plans.state.${p.state}`)}</Badge></Table.Td>
                  <Table.Td>{p.itemCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {setsRules && rules.data && <PlanRulesForm rules={rules.data} types={types} />}
      </Stack>
    </>
  );
}
