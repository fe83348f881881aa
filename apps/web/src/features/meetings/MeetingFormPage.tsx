import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrgSettings } from '../settings/useOrgSettings';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { MeetingForm } from './MeetingForm';
import { isDayKey, safeTimeZone } from './time';
import { isLocked, useMeeting } from './useMeeting';
import { useMeetingTypes } from './useMeetingTypes';

/** /meetings/new (optionally ?date=YYYY-MM-DD, or ?planItemId=…&typeId=…&title=… from the annual plan) and /meetings/:id/edit. */
export function MeetingFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const settings = useOrgSettings();
  const types = useMeetingTypes();
  const meeting = useMeeting(id);
  const title = t(id ? 'meetings.form.editTitle' : 'meetings.form.createTitle');
  const error = types.error ?? (id ? meeting.error : null);
  // The form's times are wall-clock times in the org zone, so it waits for the settings (or their failure).
  const planItemId = params.get('planItemId');
  const seed = !id && planItemId ? { planItemId, typeId: params.get('typeId'), title: params.get('title') ?? '' } : null;
  const loading = types.isPending || settings.isPending || (!!id && meeting.isPending);

  return (
    <>
      <PageHeader title={title} description={meeting.data?.title} />
      {error ? (
        <ErrorState error={error} onRetry={() => void (types.error ? types.refetch() : meeting.refetch())} />
      ) : loading ? (
        <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>
      ) : meeting.data && isLocked(meeting.data.state) ? (
        <Stack align="flex-start">
          <Alert color="gray" role="status">{t('meetings.form.lockedNotice', { state: t(`meetings.state.${meeting.data.state}`) })}</Alert>
          <Button component={Link} to={`/meetings/${meeting.data.id}`} variant="default">{t('meetings.detail.back')}</Button>
        </Stack>
      ) : (
        <MeetingForm
          key={id ?? 'new'}
          meeting={id ? meeting.data! : null}
          types={types.data ?? []}
          settings={settings.data}
          timeZone={safeTimeZone(settings.data?.timeZone)}
          day={isDayKey(params.get('date')) ? params.get('date') : null}
          seed={seed}
        />
      )}
    </>
  );
}
