import { Alert, Button } from '@mantine/core';
import { IconDeviceTv, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HostConsole } from './host/HostConsole';
import { useLiveSession } from './session/useLiveSession';
import { ConnectionNotice } from './shared/ConnectionNotice';
import { LiveGate } from './shared/LiveGate';
import { useLiveMeeting } from './shared/useLiveMeeting';

/** The host sits in the hall: joins in room mode; the server decides who may host. */
export function LiveHostPage(_props: Record<string, unknown> = {}) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { meeting, settings } = useLiveMeeting(id);
  const session = useLiveSession(id, 'room');
  return (
    <LiveGate session={session} meeting={meeting}>
      {({ state, you, meeting: m }) =>
        !you.isHost ? (
          <Alert color="yellow" role="alert" title={t('live.host.notHostTitle')}>
            {t('live.host.notHost')}{' '}
            <Button component={Link} to={`/meetings/${id}/live`} variant="subtle" size="compact-sm">
              {t('live.links.member')}
            </Button>
          </Alert>
        ) : (
          <HostConsole
            title={m.title}
            state={state}
            presence={session.presence}
            presenceCount={session.presenceCount}
            clockOffsetMs={session.clockOffsetMs}
            timeZone={settings.data?.timeZone}
            send={session.send}
            banner={<ConnectionNotice connection={session.connection} />}
            headerActions={
              <>
                <Button component={Link} to={`/meetings/${id}/live?mode=room`} variant="default" size="xs" leftSection={<IconUser size={16} aria-hidden />}>
                  {t('live.links.member')}
                </Button>
                <Button
                  component="a"
                  href={`/meetings/${id}/projector`}
                  target="_blank"
                  rel="noopener"
                  variant="default"
                  size="xs"
                  leftSection={<IconDeviceTv size={16} aria-hidden />}
                >
                  {t('live.links.projector')}
                </Button>
              </>
            }
          />
        )
      }
    </LiveGate>
  );
}
