import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanRoutes, type MeetingType, type Plan, type PlanAction } from '@xieshang/contracts';
import type { PlanRuleViolation } from '@xieshang/domain';
import { api, isApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { ruleText } from './planLabels';
import { useStorePlan } from './planQueries';

/** The machine's `requires`: approval steps name their meeting; sending back needs a comment. */
const NEEDS_MEETING: readonly PlanAction[] = ['record_chair_meeting_review', 'approve'];
const NEEDS_COMMENT: readonly PlanAction[] = ['send_back'];

function violationsOf(e: unknown): PlanRuleViolation[] {
  if (!isApiError(e) || e.code !== 'PLAN_RULES_VIOLATED') return [];
  const details = e.details as { violations?: PlanRuleViolation[] } | undefined;
  return details?.violations ?? [];
}

/** Confirm one approval step, with the deciding meeting and a comment for the trail. */
export function PlanTransitionDialog({ plan, action, onClose, types }: { plan: Plan; action: PlanAction | null; onClose: () => void; types: readonly MeetingType[] }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const store = useStorePlan();
  const [meeting, setMeeting] = useState('');
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const needsMeeting = !!action && NEEDS_MEETING.includes(action);
  const needsComment = !!action && NEEDS_COMMENT.includes(action);

  const run = useMutation({
    mutationFn: (a: PlanAction) => api(PlanRoutes.transitionPlan, { params: { id: plan.id }, body: { action: a, meeting, comment } }),
    onSuccess: (saved, a) => {
      store(saved);
      notifications.show({ color: 'green', message: t(`plans.actionDone.${a}`, { title: saved.title }) });
      onClose();
    },
  });
  const { reset } = run;
  useEffect(() => {
    if (action) {
      setMeeting('');
      setComment('');
      setTried(false);
      reset();
    }
  }, [action, reset]);

  const confirm = () => {
    setTried(true);
    if (!action || (needsMeeting && !meeting.trim()) || (needsComment && !comment.trim())) return;
    run.mutate(action);
  };
  const violations = violationsOf(run.error);

  return (
    <Modal opened={!!action} onClose={onClose} title={action ? t(`plans.action.${action}`) : ''} centered>
      {action && (
        <Stack>
          <Text>{t(`plans.actionConfirm.${action}`, { title: plan.title })}</Text>
          {(needsMeeting || action === 'submit' || action === 'issue') && (
            <TextInput
              label={t('plans.transition.meeting')}
              description={t('plans.transition.meetingHint')}
              value={meeting}
              onChange={(e) => setMeeting(e.currentTarget.value)}
              required={needsMeeting}
              maxLength={200}
              error={tried && needsMeeting && !meeting.trim() ? t('plans.transition.meetingRequired') : undefined}
              data-autofocus
            />
          )}
          <Textarea
            label={t('plans.transition.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            required={needsComment}
            autosize
            minRows={2}
            maxLength={2000}
            error={tried && needsComment && !comment.trim() ? t('plans.transition.commentRequired') : undefined}
          />
          {run.error != null && (
            <Alert color="red" role="alert" title={violations.length ? t('plans.transition.blocked') : undefined}>
              {violations.length ? (
                <List size="sm">
                  {violations.map((v) => (
                    <List.Item key={`${v.rule}-${v.params.type ?? ''}`}>{ruleText(t, v, types, locale)}</List.Item>
                  ))}
                </List>
              ) : (
                errorText(t, run.error)
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('plans.cancel')}</Button>
            <Button color={action === 'send_back' ? 'orange' : undefined} onClick={confirm} loading={run.isPending}>{t(`plans.action.${action}`)}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
