import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PlanRoutes, type PlanAction, type PlanItem } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { download } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { useSession } from '../auth/useSession';
import { formatDateTime } from '../meetings/time';
import { useMeetingTypes } from '../meetings/useMeetingTypes';
import { useOrgTimeZone } from '../settings/useOrgSettings';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { PlanItemModal } from './PlanItemModal';
import { PlanItemsTable } from './PlanItemsTable';
import { PlanRulePanel } from './PlanRulePanel';
import { PlanTrail } from './PlanTrail';
import { PlanTransitionDialog } from './PlanTransitionDialog';
import { usePlan } from './planQueries';
import { RemoveItemDialog } from './RemoveItemDialog';

/** The plan editor: items with live rule checks, the approval steps and trail, amendments, exports and print. */
export function PlanEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const timeZone = useOrgTimeZone();
  const { user } = useSession();
  const { data: plan, error, refetch } = usePlan(id);
  const types = useMeetingTypes().data ?? [];
  const [editing, setEditing] = useState<PlanItem | null>(null);
  const [itemOpen, setItemOpen] = useState(false);
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  const [action, setAction] = useState<PlanAction | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!plan) return <Text c="dimmed">{t('plans.loading')}</Text>;

  const manages = !!user && hasPermission(user, 'plans.manage');
  const editable = manages && plan.editMode !== 'locked';
  const openItem = (item: PlanItem | null) => {
    setEditing(item);
    setItemOpen(true);
  };
  const exportAs = (format: 'docx' | 'xlsx') => {
    setExportError(null);
    download(PlanRoutes.exportPlan, `${plan.title}.${format}`, { params: { id: plan.id }, query: { format } }).catch(setExportError);
  };

  return (
    <>
      <Anchor component={Link} to="/plans" size="sm">{t('plans.back')}</Anchor>
      <PageHeader
        title={plan.title}
        description={t(`plans.editMode.${plan.editMode}`)}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileText size={16} aria-hidden />} onClick={() => exportAs('docx')}>{t('plans.export.docx')}</Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => exportAs('xlsx')}>{t('plans.export.xlsx')}</Button>
            <Button variant="default" component={Link} to={`/plans/${plan.id}/print`} target="_blank" leftSection={<IconPrinter size={16} aria-hidden />}>{t('plans.export.print')}</Button>
          </>
        }
      />
      {exportError != null && <Alert color="red" role="alert" mb="sm">{errorText(t, exportError)}</Alert>}
      <Group mb="md" gap="xs">
        <Badge size="lg" variant="light">{t(`plans.state.${plan.state}`)}</Badge>
        {plan.allowedActions.map((a) => (
          <Button key={a} size="xs" variant={a === 'send_back' ? 'outline' : 'filled'} color={a === 'send_back' ? 'orange' : undefined} onClick={() => setAction(a)}>
            {t(`plans.action.${a}`)}
          </Button>
        ))}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Group justify="space-between">
              <Text fw={500}>{t('plans.items.count', { count: plan.items.length })}</Text>
              {editable && (
                <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openItem(null)}>
                  {t(plan.editMode === 'amendment' ? 'plans.item.amendAdd' : 'plans.item.add')}
                </Button>
              )}
            </Group>
            <PlanItemsTable items={plan.items} editable={editable} onEdit={openItem} onRemove={setRemoving} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <PlanRulePanel items={plan.items} rules={plan.rules} types={types} />
            <PlanTrail plan={plan} formatAt={(iso) => formatDateTime(iso, timeZone, locale)} />
          </Stack>
        </Grid.Col>
      </Grid>
      <PlanItemModal plan={plan} item={editing} opened={itemOpen} onClose={() => setItemOpen(false)} types={types} />
      <RemoveItemDialog plan={plan} item={removing} onClose={() => setRemoving(null)} />
      <PlanTransitionDialog plan={plan} action={action} onClose={() => setAction(null)} types={types} />
    </>
  );
}
