import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Center, Loader, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { MeetingRoutes, type Invitation } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { useMeeting } from '../meetings/useMeeting';
import { checkInFailure } from './checkInFailure';
import { attendanceKeys, refreshAfterInvitationChange } from './queryKeys';
import { useOrgTime } from './useOrgTime';

/**
 * Opened from the QR code on the hall's screen (/meetings/:id/check-in?code=…): checks in at once,
 * without another tap, also after the login detour (RequireAuth keeps the query string).
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const urlCode = params.get('code')?.trim() ?? '';
  const client = useQueryClient();
  const time = useOrgTime();
  const posted = useRef<string | null>(null);
  const [manualCode, setManualCode] = useState('');

  // The meeting page's own query (and cache entry): only the title is shown here.
  const meeting = useMeeting(id);

  const checkIn = useMutation({
    mutationFn: (token: string) => api(MeetingRoutes.checkInRoom, { params: { id }, body: { token } }),
    onSuccess: (inv) => {
      client.setQueryData(attendanceKeys.myInvitation(id), inv);
      refreshAfterInvitationChange(client, id);
    },
  });
  const { mutate } = checkIn;

  // Once per code, also under StrictMode's double effect run.
  useEffect(() => {
    if (!id || !urlCode || posted.current === urlCode) return;
    posted.current = urlCode;
    mutate(urlCode);
  }, [id, urlCode, mutate]);

  // Without a code, or when the code was refused (an old code after a reload), maybe they are already in.
  const mine = useQuery({
    queryKey: attendanceKeys.myInvitation(id),
    queryFn: ({ signal }) => api(MeetingRoutes.myInvitation, { params: { id }, signal }),
    enabled: !!id && (!urlCode || checkIn.isError),
    retry: false,
  });

  const done: Invitation | undefined = checkIn.data ?? (mine.data?.state === 'checked_in' ? mine.data : undefined);
  const submitManual = (e: FormEvent) => {
    e.preventDefault();
    // Codes are base32: case and stray spaces do not matter.
    const code = manualCode.replace(/\s+/g, '').toUpperCase();
    if (code) mutate(code);
  };

  return (
    <Center py={{ base: 'md', sm: 'xl' }}>
      <Card withBorder radius="lg" padding="xl" w="100%" maw={480}>
        <Stack align="center" gap="md" ta="center">
          {meeting.data && <Text c="dimmed" size="sm">{meeting.data.title}</Text>}
          {done ? (
            <CheckedIn inv={done} already={!checkIn.data} meetingTitle={meeting.data?.title} dateTime={time.dateTime} />
          ) : checkIn.isPending ? (
            <Stack align="center" gap="sm" role="status" aria-live="polite">
              <Loader size="lg" />
              <Text size="lg">{t('attendance.checkIn.pending')}</Text>
            </Stack>
          ) : checkIn.isError ? (
            <Failure error={checkIn.error} dateTime={time.dateTime} />
          ) : (
            <Text size="lg">{t('attendance.checkIn.instructions')}</Text>
          )}
          {!done && !checkIn.isPending && (
            <form onSubmit={submitManual} style={{ width: '100%' }} aria-label={t('attendance.checkIn.manualTitle')}>
              <Stack gap="sm">
                <TextInput
                  label={t('attendance.checkIn.manualLabel')}
                  description={t('attendance.checkIn.manualHint')}
                  value={manualCode}
                  onChange={(e) => setManualCode(e.currentTarget.value)}
                  autoComplete="off"
                  autoCapitalize="characters"
                  autoCorrect="off"
                  spellCheck={false}
                  styles={{ input: { textTransform: 'uppercase', letterSpacing: 2, textAlign: 'center' } }}
                  size="lg"
                  maxLength={64}
                />
                <Button type="submit" size="lg" fullWidth disabled={manualCode.trim().length === 0}>
                  {t('attendance.checkIn.submit')}
                </Button>
              </Stack>
            </form>
          )}
          <Button component={Link} to={`/meetings/${id}`} variant="subtle">{t('attendance.checkIn.toMeeting')}</Button>
        </Stack>
      </Card>
    </Center>
  );
}

function CheckedIn({ inv, already, meetingTitle, dateTime }: { inv: Invitation; already: boolean; meetingTitle?: string; dateTime: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const mode = inv.checkInMode ? t(`attendance.mode.${inv.checkInMode}`) : t('attendance.mode.unknown');
  return (
    <Stack align="center" gap="xs" role="status" aria-live="assertive">
      <ThemeIcon color="green" size={88} radius="xl" variant="light">
        <IconCircleCheck size={64} aria-hidden />
      </ThemeIcon>
      <Title order={1} size="h2" c="green.8">{t(already ? 'attendance.checkIn.already' : 'attendance.checkIn.success')}</Title>
      {meetingTitle && <Text size="lg" fw={600}>{meetingTitle}</Text>}
      <Text size="lg">{t('attendance.checkIn.at', { time: dateTime(inv.checkedInAt), mode })}</Text>
    </Stack>
  );
}

function Failure({ error, dateTime }: { error: unknown; dateTime: (iso: string) => string }) {
  const { t } = useTranslation();
  const { title, hint } = checkInFailure(t, error, dateTime);
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" w="100%" ta="left">
      <Text size="lg" fw={700}>{title}</Text>
      <Text>{hint}</Text>
    </Alert>
  );
}
