import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveTimer } from '@xieshang/contracts';
import { durationParts, type CountdownPhase } from './countdown';
import { useCountdown } from './useCountdown';

export type CountdownTone = 'light' | 'dark';

/** Colours for a light page and for the projector's black screen; the phase is also written out. */
const COLOURS: Record<CountdownTone, Record<CountdownPhase, string>> = {
  light: { normal: 'var(--mantine-color-dark-8)', warning: 'var(--mantine-color-orange-9)', overtime: 'var(--mantine-color-red-8)' },
  dark: { normal: '#ffffff', warning: '#ffd43b', overtime: '#ff6b6b' },
};

interface Props {
  timer: LiveTimer | null;
  offsetMs: number;
  /** CSS font size of the digits, e.g. `4rem` or `14vw` */
  fontSize: string;
  tone?: CountdownTone;
}

/**
 * The speaking clock. Warning in the last minute, `+mm:ss` in red once over time (never hidden),
 * and the phase in words, so colour is not the only signal. The digits are a `timer` (not announced
 * every second); reaching the last minute and running over are announced once each.
 */
export function Countdown({ timer, offsetMs, fontSize, tone = 'light' }: Props) {
  const { t } = useTranslation();
  const view = useCountdown(timer, offsetMs);
  if (view === null) {
    return (
      <Text c="dimmed" fz="lg" data-testid="countdown-idle">
        {t('live.timer.idle')}
      </Text>
    );
  }
  const parts = durationParts(view.remainingMs);
  const label =
    view.phase === 'overtime' ? t('live.timer.overtimeLabel', parts) : t('live.timer.remainingLabel', parts);
  const phaseText = view.phase === 'overtime' ? t('live.timer.overtime') : view.phase === 'warning' ? t('live.timer.lastMinute') : null;
  const colour = COLOURS[tone][view.phase];
  return (
    <Stack gap={4} align="center">
      <div
        role="timer"
        aria-label={label}
        data-phase={view.phase}
        style={{ fontSize, lineHeight: 1, fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: colour, letterSpacing: '0.02em' }}
      >
        {view.text}
      </div>
      <Group gap="xs" justify="center" mih={26}>
        {phaseText && (
          <Badge size="lg" color={view.phase === 'overtime' ? 'red' : 'orange'} variant={tone === 'dark' ? 'filled' : 'light'}>
            {phaseText}
          </Badge>
        )}
        {view.paused && (
          <Badge size="lg" color="gray" variant={tone === 'dark' ? 'filled' : 'light'}>
            {t('live.timer.paused')}
          </Badge>
        )}
      </Group>
      <VisuallyHidden aria-live="polite">{phaseText ?? ''}</VisuallyHidden>
    </Stack>
  );
}
