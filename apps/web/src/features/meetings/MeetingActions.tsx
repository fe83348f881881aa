import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconCalendarDown, IconDeviceDesktop, IconPencil, IconPlayerPlay, IconPresentation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_ACTIONS, MeetingRoutes, type Meeting, type MeetingAction } from '@xieshang/contracts';
import { isMeetingHost } from '@xieshang/domain';
import { download } from '../../lib/api';
import { ErrorState } from '../shell/ErrorState';
import { TransitionDialog } from './TransitionDialog';
import { isLocked, LIVE_LINK_STATES } from './useMeeting';
import { useMeetingViewer } from './useMeetingViewer';

/** Safe file name for the .ics download (the server's Content-Disposition usually wins). */
const icsName = (title: string) => `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'meeting'}.ics`;

/**
 * The buttons of the meeting page: the state changes the server allows this viewer
 * (meeting.allowedActions), editing, the calendar file and the ways into the live session.
 */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { user, isOffice } = useMeetingViewer();
  const [action, setAction] = useState<MeetingAction | null>(null);
  const [icsError, setIcsError] = useState<unknown>(null);
  // Keep the machine's order (preparing → … → close), cancel last.
  const actions = MEETING_ACTIONS.filter((a) => meeting.allowedActions.includes(a));
  const liveOpen = LIVE_LINK_STATES.includes(meeting.state);
  const isHost = !!user && isMeetingHost(user, meeting.hostId);
  const id = meeting.id;

  return (
    <>
      <Group gap="xs" wrap="wrap" role="toolbar" aria-label={t('meetings.detail.actions')}>
        {liveOpen && (
          <Button component={Link} to={`/meetings/${id}/live`} leftSection={<IconPlayerPlay size={16} aria-hidden />} color={meeting.state === 'live' ? 'red' : undefined}>
            {t('meetings.detail.enterLive')}
          </Button>
        )}
        {liveOpen && isHost && (
          <>
            <Button component={Link} to={`/meetings/${id}/live/host`} variant="light" leftSection={<IconDeviceDesktop size={16} aria-hidden />}>
              {t('meetings.detail.hostConsole')}
            </Button>
            <Button component="a" href={`/meetings/${id}/projector`} target="_blank" rel="noopener" variant="light" leftSection={<IconPresentation size={16} aria-hidden />}>
              {t('meetings.detail.projector')}
              <span className="visually-hidden">{t('meetings.detail.newTab')}</span>
            </Button>
          </>
        )}
        {actions.map((a) => (
          <Button key={a} variant={a === 'cancel' ? 'outline' : 'default'} color={a === 'cancel' ? 'red' : undefined} onClick={() => setAction(a)}>
            {t(`meetings.action.${a}`)}
          </Button>
        ))}
        {isOffice && !isLocked(meeting.state) && (
          <Button component={Link} to={`/meetings/${id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
            {t('common.edit')}
          </Button>
        )}
        <Button
          variant="subtle"
          leftSection={<IconCalendarDown size={16} aria-hidden />}
          onClick={() => {
            setIcsError(null);
            download(MeetingRoutes.meetingIcs, icsName(meeting.title), { params: { id } }).catch(setIcsError);
          }}
        >
          {t('meetings.detail.ics')}
        </Button>
      </Group>
      {icsError != null && <ErrorState error={icsError} />}
      <TransitionDialog meeting={meeting} action={action} onClose={() => setAction(null)} />
    </>
  );
}
