import { useParams } from 'react-router';
import { ProjectorView } from './projector/ProjectorView';
import { CheckInQr } from './projector/CheckInQr';
import { useLiveSession } from './session/useLiveSession';
import { LiveGate } from './shared/LiveGate';
import { useLiveMeeting } from './shared/useLiveMeeting';

/** Full screen, no controls; joins as a viewer so the projector is not counted as a participant. */
export function ProjectorPage(_props: Record<string, unknown> = {}) {
  const { id = '' } = useParams();
  const { meeting } = useLiveMeeting(id);
  const session = useLiveSession(id, 'viewer');
  return (
    <div style={{ minHeight: '100vh', background: '#0b0d12', color: '#fff' }}>
      <LiveGate session={session} meeting={meeting}>
        {({ state, meeting: m }) => (
          <ProjectorView
            title={m.title}
            state={state}
            clockOffsetMs={session.clockOffsetMs}
            qr={<CheckInQr meetingId={id} clockOffsetMs={session.clockOffsetMs} size="calc(min(1vw, 1.7778vh) * 16)" />}
          />
        )}
      </LiveGate>
    </div>
  );
}
