import { Button, Group } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentLocale } from '../auth/useLocale';
import { ErrorState } from '../shell/ErrorState';
import { monthLabel } from './planLabels';
import { usePlan } from './planQueries';
import classes from './print.module.css';

/** The plan as the customary printed table: no navigation, black on white, landscape, header row repeated per page. */
export function PlanPrintPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const { data: plan, error } = usePlan(id);
  if (error) return <ErrorState error={error} />;
  if (!plan) return null;
  const approval = [...plan.approvals].reverse().find((a) => a.action === 'approve');
  return (
    <main className={classes.page}>
      <Group justify="flex-end" className={classes.noPrint}>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>{t('plans.export.printNow')}</Button>
      </Group>
      <h1 className={classes.title}>{plan.title}</h1>
      {approval && ['approved', 'issued', 'executing', 'summarized'].includes(plan.state) && (
        <p className={classes.subtitle}>{t('plans.print.approved', { meeting: approval.meeting ?? '' })}</p>
      )}
      <table className={classes.table}>
        <thead>
          <tr>
            {(['no', 'topic', 'form', 'month', 'leadLeader', 'leadBody', 'participatingBodies', 'notes'] as const).map((k) => (
              <th key={k} scope="col">{t(`plans.print.${k}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.items.map((i, n) => (
            <tr key={i.id}>
              <td>{n + 1}</td>
              <td>{i.title}</td>
              <td>{locale === 'en' ? i.meetingTypeNameEn : i.meetingTypeNameZh}</td>
              <td>{monthLabel(t, i.plannedMonth)}</td>
              <td>{i.leadLeader}</td>
              <td>{i.leadBody}</td>
              <td>{i.participatingBodies.join(t('plans.items.separator'))}</td>
              <td>{i.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
