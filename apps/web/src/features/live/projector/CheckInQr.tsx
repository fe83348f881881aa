import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes } from '@xieshang/contracts';
import { api } from '../../../lib/api';

/** Refresh a little before the code rotates; never more often than once a second. */
export function refreshDelayMs(expiresAt: string, serverNow: number): number {
  return Math.max(1_000, Date.parse(expiresAt) - serverNow);
}

/**
 * The rotating room check-in code. The QR encodes the check-in URL and is drawn as an SVG image
 * (no HTML injection); it is refetched when the code expires.
 */
export function CheckInQr({ meetingId, clockOffsetMs, size }: { meetingId: string; clockOffsetMs: number; size: string }) {
  const { t } = useTranslation();
  const token = useQuery({
    queryKey: ['live', 'check-in-token', meetingId],
    queryFn: ({ signal }) => api(MeetingRoutes.checkInToken, { params: { id: meetingId }, signal }),
    refetchInterval: (q) => (q.state.data ? refreshDelayMs(q.state.data.expiresAt, Date.now() + clockOffsetMs) : 10_000),
    refetchIntervalInBackground: true,
    retry: 2,
  });
  const url = token.data?.url;
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let alive = true;
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((s) => alive && setSvg(s))
      .catch(() => alive && setSvg(null));
    return () => {
      alive = false;
    };
  }, [url]);

  if (token.error) return null;
  return (
    <figure style={{ margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '0.4em' }}>
      {svg ? (
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('live.projector.qrAlt')} style={{ width: size, height: size, background: '#fff', borderRadius: 8 }} />
      ) : (
        <div style={{ width: size, height: size, background: '#1c1f26', borderRadius: 8 }} aria-hidden />
      )}
      <figcaption style={{ fontWeight: 700 }}>{t('live.projector.scanToCheckIn')}</figcaption>
      {token.data && <span style={{ opacity: 0.75, fontSize: '0.7em', letterSpacing: '0.1em' }}>{token.data.token}</span>}
    </figure>
  );
}
