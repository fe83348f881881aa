import { Button } from '@mantine/core';
import { IconUserShield } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { MeetingRoutes, type SpeakingMode } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { JoinModeChooser } from './member/JoinModeChooser';
import { MemberView } from './member/MemberView';
import { useLiveSession } from './session/useLiveSession';
import { ConnectionNotice } from './shared/ConnectionNotice';
import { LiveGate } from './shared/LiveGate';
import { useLiveMeeting } from './shared/useLiveMeeting';

const isMode = (v: string | null): v is SpeakingMode => v === 'room' || v === 'remote';

/**
 * Where the member is: the link's `?mode=` (the room check-in page links with `room`), else how they
 * checked in, else they are asked. Remote joiners are checked in on join, so we never guess "remote".
 */
function useJoinMode(meetingId: string) {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('mode');
  const invitation = useQuery({
    queryKey: ['live', 'invitation', meetingId],
    queryFn: ({ signal }) => api(MeetingRoutes.myInvitation, { params: { id: meetingId }, signal }).catch(() => null),
    enabled: !isMode(fromUrl),
  });
  const checkIn = invitation.data?.checkInMode ?? null;
  const mode: SpeakingMode | null = isMode(fromUrl) ? fromUrl : checkIn === null ? null : checkIn === 'remote' ? 'remote' : 'room';
  const choose = (m: SpeakingMode) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('mode', m);
        return next;
      },
      { replace: true },
    );
  return { mode, choose, deciding: !isMode(fromUrl) && invitation.isLoading };
}

export function LiveMemberPage(_props: Record<string, unknown> = {}) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { meeting, settings } = useLiveMeeting(id);
  const { mode, choose, deciding } = useJoinMode(id);
  const session = useLiveSession(id, mode);

  if (mode === null) return deciding ? null : <JoinModeChooser title={meeting.data?.title} onChoose={choose} />;
  const other: SpeakingMode = mode === 'room' ? 'remote' : 'room';
  return (
    <LiveGate session={session} meeting={meeting}>
      {({ state, you, meeting: m }) => (
        <MemberView
          title={m.title}
          videoUrl={m.videoUrl}
          jitsiBaseUrl={settings.data?.jitsiBaseUrl ?? null}
          state={state}
          you={you}
          presenceCount={session.presenceCount}
          clockOffsetMs={session.clockOffsetMs}
          joinMode={mode}
          send={session.send}
          banner={<ConnectionNotice connection={session.connection} />}
          headerActions={
            <>
              {/* switching room/remote means nothing once the session has ended */}
              {state.status !== 'ended' && (
                <Button variant="subtle" size="compact-sm" onClick={() => choose(other)}>
                  {t(other === 'remote' ? 'live.join.switchToRemote' : 'live.join.switchToRoom')}
                </Button>
              )}
              {you.isHost && (
                <Button component={Link} to={`/meetings/${id}/live/host`} variant="light" size="compact-sm" leftSection={<IconUserShield size={16} aria-hidden />}>
                  {t('live.links.host')}
                </Button>
              )}
            </>
          }
        />
      )}
    </LiveGate>
  );
}
