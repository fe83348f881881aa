import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanRoutes, type MeetingType, type Plan, type PlanItem, type PlanItemCategory } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { PlanRulePanel } from './PlanRulePanel';
import { usePlanCandidates, useStorePlan } from './planQueries';

interface Draft {
  source: 'topic' | 'direct';
  topicId: string | null;
  title: string;
  category: PlanItemCategory;
  meetingTypeId: string | null;
  plannedMonth: string | null;
  leadLeader: string;
  leadBody: string;
  participatingBodies: string[];
  notes: string;
  reason: string;
  meeting: string;
}

const fromItem = (i: PlanItem | null): Draft => ({
  source: i?.topicId ? 'topic' : 'direct',
  topicId: i?.topicId ?? null,
  title: i?.title ?? '',
  category: i?.category ?? 'consultation',
  meetingTypeId: i?.meetingTypeId ?? null,
  plannedMonth: i?.plannedMonth ? String(i.plannedMonth) : null,
  leadLeader: i?.leadLeader ?? '',
  leadBody: i?.leadBody ?? '',
  participatingBodies: i?.participatingBodies ?? [],
  notes: i?.notes ?? '',
  reason: '',
  meeting: '',
});

/**
 * Add or edit a plan item. While drafting the change is saved as it is; on an approved plan it
 * becomes a recorded amendment and needs a reason. The rule panel shows the plan as it would be.
 */
export function PlanItemModal({ plan, item, opened, onClose, types }: { plan: Plan; item: PlanItem | null; opened: boolean; onClose: () => void; types: readonly MeetingType[] }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const store = useStorePlan();
  const amending = plan.editMode === 'amendment';
  const [d, setD] = useState<Draft>(() => fromItem(item));
  const [tried, setTried] = useState(false);
  const candidates = usePlanCandidates(plan.id, opened && !item);
  useEffect(() => {
    if (opened) {
      setD(fromItem(item));
      setTried(false);
    }
  }, [opened, item]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  const topic = candidates.data?.find((c) => c.id === d.topicId);
  const type = types.find((ty) => ty.id === d.meetingTypeId);
  const usesTopic = !item && d.source === 'topic';
  const missing = {
    topicId: usesTopic && !d.topicId,
    title: !usesTopic && !d.title.trim(),
    meetingTypeId: !d.meetingTypeId,
    reason: amending && !d.reason.trim(),
  };

  const common = () => ({
    meetingTypeId: d.meetingTypeId!,
    plannedMonth: d.plannedMonth ? Number(d.plannedMonth) : null,
    leadLeader: d.leadLeader,
    leadBody: d.leadBody,
    participatingBodies: d.participatingBodies,
    notes: d.notes,
  });
  const save = useMutation({
    mutationFn: () => {
      const patch = { ...common(), title: d.title.trim(), category: d.category };
      const input = usesTopic ? { ...common(), topicId: d.topicId } : patch;
      const amendment = { reason: d.reason.trim(), meeting: d.meeting };
      if (amending) {
        return item
          ? api(PlanRoutes.amendPlan, { params: { id: plan.id }, body: { kind: 'update', itemId: item.id, item: patch, ...amendment } })
          : api(PlanRoutes.amendPlan, { params: { id: plan.id }, body: { kind: 'add', item: input, ...amendment } });
      }
      return item ? api(PlanRoutes.updatePlanItem, { params: { id: plan.id, itemId: item.id }, body: patch }) : api(PlanRoutes.addPlanItem, { params: { id: plan.id }, body: input });
    },
    onSuccess: (saved) => {
      store(saved);
      onClose();
    },
  });

  const submit = () => {
    setTried(true);
    if (Object.values(missing).some(Boolean)) return;
    save.mutate();
  };

  // The plan as it would be after this change, for the live rule preview.
  const preview = [
    ...plan.items.filter((i) => i.id !== item?.id),
    ...(type ? [{ meetingTypeCode: type.code, category: usesTopic ? (topic?.category ?? 'consultation') : d.category }] : []),
  ];
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t(`plans.month.${i + 1}`) }));

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t(item ? (amending ? 'plans.item.amendEdit' : 'plans.item.edit') : amending ? 'plans.item.amendAdd' : 'plans.item.add')}>
      <Stack>
        {!item && (
          <SegmentedControl
            aria-label={t('plans.item.source')}
            value={d.source}
            onChange={(v) => set('source', v as Draft['source'])}
            data={[{ value: 'topic', label: t('plans.item.fromTopic') }, { value: 'direct', label: t('plans.item.direct') }]}
          />
        )}
        {usesTopic ? (
          <Select
            label={t('plans.item.topic')}
            placeholder={candidates.data?.length === 0 ? t('plans.item.noCandidates') : undefined}
            data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.title}（${t(`plans.category.${c.category}`)}）` }))}
            value={d.topicId}
            onChange={(v) => set('topicId', v)}
            searchable
            required
            error={tried && missing.topicId ? t('plans.item.required') : undefined}
            data-autofocus
          />
        ) : (
          <Group grow align="flex-start">
            <TextInput label={t('plans.item.title')} value={d.title} onChange={(e) => set('title', e.currentTarget.value)} required maxLength={200} error={tried && missing.title ? t('plans.item.required') : undefined} />
            <Select
              label={t('plans.item.category')}
              data={(['consultation', 'supervision'] as const).map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
              value={d.category}
              onChange={(v) => v && set('category', v as PlanItemCategory)}
              allowDeselect={false}
            />
          </Group>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('plans.item.form')}
            data={types.filter((ty) => ty.active || ty.id === d.meetingTypeId).map((ty) => ({ value: ty.id, label: locale === 'en' ? ty.nameEn : ty.nameZh }))}
            value={d.meetingTypeId}
            onChange={(v) => set('meetingTypeId', v)}
            required
            error={tried && missing.meetingTypeId ? t('plans.item.required') : undefined}
          />
          <Select label={t('plans.item.month')} data={months} value={d.plannedMonth} onChange={(v) => set('plannedMonth', v)} clearable placeholder={t('plans.month.none')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('plans.item.leadLeader')} value={d.leadLeader} onChange={(e) => set('leadLeader', e.currentTarget.value)} maxLength={100} />
          <TextInput label={t('plans.item.leadBody')} value={d.leadBody} onChange={(e) => set('leadBody', e.currentTarget.value)} maxLength={100} />
        </Group>
        <TagsInput label={t('plans.item.participatingBodies')} description={t('plans.item.participatingHint')} value={d.participatingBodies} onChange={(v) => set('participatingBodies', v)} maxTags={30} />
        <Textarea label={t('plans.item.notes')} value={d.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        {amending && (
          <>
            <Textarea label={t('plans.amend.reason')} value={d.reason} onChange={(e) => set('reason', e.currentTarget.value)} required autosize minRows={2} maxLength={1000} error={tried && missing.reason ? t('plans.amend.reasonRequired') : undefined} />
            <TextInput label={t('plans.amend.meeting')} description={t('plans.amend.meetingHint')} value={d.meeting} onChange={(e) => set('meeting', e.currentTarget.value)} maxLength={200} />
          </>
        )}
        <PlanRulePanel items={preview} rules={plan.rules} types={types} />
        {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('plans.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending}>{t(amending ? 'plans.amend.record' : 'plans.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
