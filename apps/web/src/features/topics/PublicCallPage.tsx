import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Box, Button, Checkbox, List, Paper, Select, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EXCLUDED_SUBJECTS, POLICY_AREAS, TopicRoutes, type PolicyArea, type TopicCategory } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { DEFAULT_TIME_ZONE, orgTime } from '../attendance/useOrgTime';
import { ErrorState } from '../shell/ErrorState';
import { PublicShell } from './PublicShell';

const EMPTY = { title: '', summary: '', rationale: '', category: 'consultation' as TopicCategory, policyArea: '' as PolicyArea | '', name: '', phone: '', email: '', showName: false, website: '' };
const FIELDS = ['title', 'summary', 'rationale', 'category', 'policyArea', 'name', 'phone', 'email'] as const;

/** 社会征题: a visitor on a phone submits a topic without an account, then keeps the status link. */
export function PublicCallPage() {
  const { t, i18n } = useTranslation();
  const { callId = '' } = useParams();
  const [form, setForm] = useState(EMPTY);
  const set = <K extends keyof typeof EMPTY>(k: K, v: (typeof EMPTY)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const time = orgTime(DEFAULT_TIME_ZONE, i18n.language);

  const call = useQuery({ queryKey: ['public', 'call', callId], queryFn: () => api(TopicRoutes.getPublicTopicCall, { params: { id: callId } }) });
  const submit = useMutation({
    mutationFn: () =>
      api(TopicRoutes.submitPublicTopic, {
        params: { id: callId },
        body: { ...form, policyArea: (form.policyArea || 'other') as PolicyArea, phone: form.phone || undefined, email: form.email || undefined, website: form.website || undefined },
      }),
  });

  if (call.isError) return <PublicShell><ErrorState error={call.error} /></PublicShell>;
  const c = call.data;
  const { fields, general } = formErrors(t, submit.error, FIELDS);
  // "contact required" is reported on phone; it concerns both fields.
  const contactError = fields.phone && !form.phone && !form.email ? t('topics.public.contactHint') : fields.phone;

  if (submit.isSuccess) {
    const r = submit.data;
    return (
      <PublicShell>
        <Paper p="lg" withBorder role="status">
          <Stack>
            <Title order={2}>{t('topics.public.thanks')}</Title>
            <Text>{t('topics.public.receipt', { publicId: r.publicId })}</Text>
            <Button component={Link} to={`/call/topics/${r.publicId}`}>{t('topics.public.statusLink')}</Button>
            <Anchor component="button" type="button" onClick={() => { setForm(EMPTY); submit.reset(); }}>{t('topics.public.another')}</Anchor>
          </Stack>
        </Paper>
      </PublicShell>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };

  return (
    <PublicShell>
      {c && (
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">{c.title}</Title>
            <Text c="dimmed" size="sm" mt={4}>{t('topics.public.open', { from: time.dateTime(c.opensAt), to: time.dateTime(c.closesAt) })}</Text>
            <Text c="dimmed" size="sm">{t('topics.public.perPerson', { count: c.effectiveMaxTopicsPerPerson })}</Text>
          </div>
          {c.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>}
          <Alert color="gray" title={t('topics.public.excludedTitle')} role="note">
            <List size="sm">
              {EXCLUDED_SUBJECTS.map((s) => <List.Item key={s}>{t(`topics.public.excluded.${s}`)}</List.Item>)}
            </List>
          </Alert>
          {!c.isOpen ? (
            <Alert color="yellow" role="alert">{t('topics.public.closed')}</Alert>
          ) : (
            <Paper p="md" withBorder component="form" onSubmit={onSubmit} noValidate aria-label={c.title}>
              <Stack>
                <TextInput label={t('topics.fields.title')} description={t('topics.hints.title')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={fields.title} required maxLength={120} />
                <Textarea label={t('topics.fields.summary')} description={t('topics.hints.summary')} value={form.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={fields.summary} required autosize minRows={3} maxLength={2000} />
                <Textarea label={t('topics.fields.rationale')} description={t('topics.hints.rationale')} value={form.rationale} onChange={(e) => set('rationale', e.currentTarget.value)} error={fields.rationale} required autosize minRows={4} maxLength={5000} />
                <Box>
                  <Text size="sm" fw={500} mb={4} id="public-category">{t('topics.fields.category')}</Text>
                  <SegmentedControl fullWidth aria-labelledby="public-category" value={form.category} onChange={(v) => set('category', v as TopicCategory)}
                    data={(['consultation', 'supervision'] as const).map((v) => ({ value: v, label: t(`topics.category.${v}`) }))} />
                </Box>
                <Select label={t('topics.fields.policyArea')} value={form.policyArea || null} onChange={(v) => set('policyArea', (v ?? '') as PolicyArea)} error={fields.policyArea}
                  data={POLICY_AREAS.map((a) => ({ value: a, label: t(`topics.policyArea.${a}`) }))} required allowDeselect={false} />
                <Title order={2} size="h4" mt="sm">{t('topics.public.aboutYou')}</Title>
                <TextInput label={t('topics.public.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} required maxLength={60} autoComplete="name" />
                <TextInput label={t('topics.public.phone')} description={t('topics.public.contactHint')} value={form.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={contactError} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
                <TextInput label={t('topics.public.email')} value={form.email} onChange={(e) => set('email', e.currentTarget.value)} error={fields.email} type="email" autoComplete="email" maxLength={200} />
                <Checkbox label={t('topics.public.showName')} checked={form.showName} onChange={(e) => set('showName', e.currentTarget.checked)} />
                {/* Honeypot: hidden from people and screen readers; bots that fill every field give themselves away. */}
                <Box aria-hidden style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
                  <label>
                    {t('topics.public.honeypot')}
                    <input type="text" name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={(e) => set('website', e.currentTarget.value)} />
                  </label>
                </Box>
                {general && <Alert color="red" role="alert">{general}</Alert>}
                <Button type="submit" size="md" loading={submit.isPending} fullWidth>{t('topics.public.submit')}</Button>
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </PublicShell>
  );
}
