import { useId } from 'react';
import { Alert, Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingType, PlanItem, PlanRules } from '@xieshang/contracts';
import { planRuleStatus } from '@xieshang/domain';
import { useCurrentLocale } from '../auth/useLocale';
import { ruleText } from './planLabels';

export const ruleItemsOf = (items: ReadonlyArray<Pick<PlanItem, 'meetingTypeCode' | 'category'>>) =>
  items.map((i) => ({ meetingTypeCode: i.meetingTypeCode, category: i.category }));

/**
 * The organisation rules against the plan as it stands, computed in the browser with the same
 * libs/domain code the API runs on submit, so the office sees a violation while drafting.
 */
export function PlanRulePanel({ items, rules, types }: { items: ReadonlyArray<Pick<PlanItem, 'meetingTypeCode' | 'category'>>; rules: PlanRules; types: readonly MeetingType[] }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const status = planRuleStatus(ruleItemsOf(items), rules);
  const failing = status.filter((s) => !s.met).length;
  // The editor and the item dialog both show a panel: each needs its own heading id.
  const titleId = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} mb="xs">{t('plans.rules.title')}</Title>
      {/* Announced politely so a screen reader hears the rule change after each edit. */}
      <div aria-live="polite">
        {failing ? (
          <Alert color="orange" icon={<IconAlertTriangle size={16} aria-hidden />} mb="sm">{t('plans.rules.failing', { count: failing })}</Alert>
        ) : (
          <Text c="green" size="sm" mb="sm">{t('plans.rules.allMet')}</Text>
        )}
      </div>
      <List spacing={4} size="sm" listStyleType="none">
        {status.map((s) => (
          <List.Item key={`${s.rule}-${s.type ?? ''}`}>
            <Group gap={6} wrap="nowrap">
              <ThemeIcon size={18} radius="xl" color={s.met ? 'green' : 'orange'} aria-hidden>
                {s.met ? <IconCheck size={12} /> : <IconAlertTriangle size={12} />}
              </ThemeIcon>
              <Text size="sm" c={s.met ? undefined : 'orange.8'}>
                {ruleText(t, s, types, locale)}
                <span className="visually-hidden">{s.met ? t('plans.rules.met') : t('plans.rules.notMet')}</span>
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
