import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysLeft, deadlineTone, type DeadlineTone } from './deadlines';

const COLORS: Record<DeadlineTone, string> = { overdue: 'red', due_soon: 'orange', open: 'gray', done: 'green' };

/**
 * "逾期 3 天" / "还剩 5 天" beside a deadline; the words carry the meaning, the colour only repeats it.
 * `overdue` from the api wins over the browser's own count (it decides who gets reminded).
 */
export function DeadlineBadge({ deadline, today, overdue, answered = false }: { deadline: string | null; today: string; overdue?: boolean; answered?: boolean }) {
  const { t } = useTranslation();
  if (!deadline) return null;
  const computed = deadlineTone(deadline, today, answered);
  const tone: DeadlineTone = !answered && overdue ? 'overdue' : computed;
  const left = daysLeft(deadline, today);
  let text: string;
  if (tone === 'done') text = t('outcomes.deadline.done');
  else if (tone === 'overdue') text = left < 0 ? t('outcomes.deadline.overdue', { days: -left }) : t('outcomes.deadline.overdueBadge');
  else if (left === 0) text = t('outcomes.deadline.dueToday');
  else text = t('outcomes.deadline.dueIn', { days: left });
  return (
    <Badge color={COLORS[tone]} variant={tone === 'overdue' ? 'filled' : 'light'}>
      {text}
    </Badge>
  );
}
