import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { currentSpeaker, nextEntries } from '@xieshang/domain';
import { Countdown } from '../shared/Countdown';
import { useEntryName } from '../shared/EntryTags';

/**
 * One unit = 1 % of the width of a 16:9 area that fits the screen, so the layout made for 1920×1080
 * keeps its proportions on any smaller or oddly shaped screen.
 */
const U = 'min(1vw, 1.7778vh)';
const u = (n: number) => `calc(${U} * ${n})`;

const styles = {
  root: {
    position: 'fixed',
    inset: 0,
    background: '#0b0d12',
    color: '#ffffff',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    padding: u(2.2),
    gap: u(1.5),
    overflow: 'hidden',
    fontSize: u(1.6),
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: u(2), borderBottom: '2px solid #2c313c', paddingBottom: u(1) },
  main: { display: 'grid', gridTemplateColumns: '1fr minmax(0, 30%)', gap: u(3), minHeight: 0 },
  label: { fontSize: u(1.9), color: '#c1c7d0', fontWeight: 600, letterSpacing: '0.08em' },
  side: { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', gap: u(2), borderLeft: '2px solid #2c313c', paddingLeft: u(3), minHeight: 0 },
} satisfies Record<string, CSSProperties>;

interface Props {
  title: string;
  state: LiveState;
  clockOffsetMs: number;
  /** the check-in QR block */
  qr?: ReactNode;
}

/** The hall's big screen: huge name, sector and clock, the next three, the agenda item and the check-in code. */
export function ProjectorView({ title, state, clockOffsetMs, qr }: Props) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const speaker = currentSpeaker(state);
  const next = nextEntries(state, 3);
  const item = state.agenda[state.agendaIndex];
  const statusNote = state.status === 'live' ? null : t(`live.projector.status.${state.status}`);

  return (
    <main style={styles.root} aria-label={title}>
      <header style={styles.top}>
        <h1 style={{ margin: 0, fontSize: u(2.6), fontWeight: 700 }}>{title}</h1>
        {item && (
          <div style={{ fontSize: u(2.2), color: '#e9ecef', textAlign: 'right' }}>
            {t('live.projector.agendaItem', { title: item.title })}
          </div>
        )}
      </header>
      <div style={styles.main}>
        <section style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: u(1.2), minWidth: 0 }} aria-live="polite">
          {statusNote && <div style={{ fontSize: u(state.status === 'ended' ? 6 : 3), color: '#ffd43b', fontWeight: 700 }}>{statusNote}</div>}
          {state.status !== 'ended' && (
            <>
              <div style={styles.label}>{speaker?.status === 'called' ? t('live.speaker.called') : t('live.speaker.speaking')}</div>
              {speaker ? (
                <>
                  <div style={{ fontSize: u(9), fontWeight: 800, lineHeight: 1.05, overflowWrap: 'anywhere' }}>{nameOf(speaker)}</div>
                  <div style={{ fontSize: u(3.6), color: '#dee2e6' }}>
                    {[speaker.sectorName, t(`live.kind.${speaker.kind}`), speaker.mode === 'remote' ? t('live.mode.remote') : null].filter(Boolean).join(' · ')}
                  </div>
                </>
              ) : (
                <div style={{ fontSize: u(5), color: '#adb5bd' }}>{t('live.speaker.none')}</div>
              )}
            </>
          )}
          {state.timer !== null && (
            <div style={{ marginTop: u(1.5), alignSelf: 'flex-start' }}>
              <Countdown timer={state.timer} offsetMs={clockOffsetMs} fontSize={u(15)} tone="dark" />
            </div>
          )}
        </section>
        <aside style={styles.side}>
          <div>
            <div style={styles.label}>{t('live.projector.nextThree')}</div>
            {next.length === 0 ? (
              <div style={{ fontSize: u(2.4), color: '#adb5bd', marginTop: u(1) }}>{t('live.next.empty')}</div>
            ) : (
              <ol style={{ margin: `${u(1)} 0 0`, paddingLeft: u(3), fontSize: u(2.8), lineHeight: 1.35 }}>
                {next.map((e) => (
                  <li key={e.id} style={{ marginBottom: u(0.8) }}>
                    <div style={{ fontWeight: 700 }}>{nameOf(e)}</div>
                    {e.sectorName && <div style={{ fontSize: u(1.9), color: '#c1c7d0' }}>{e.sectorName}</div>}
                  </li>
                ))}
              </ol>
            )}
          </div>
          {/* check-in closes when the session ends; a stale code on the big screen only confuses */}
          {qr && state.status !== 'ended' && <div style={{ fontSize: u(2.2), alignSelf: 'center' }}>{qr}</div>}
        </aside>
      </div>
    </main>
  );
}
