import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHECK_IN_TOKEN_SECONDS, type MeetingState } from '@xieshang/contracts';

/*
 * The rotating room code: a QR on the projector encodes it; it changes every CHECK_IN_TOKEN_SECONDS.
 * It is derived, never stored: HMAC-SHA256(meeting's secret, "<meetingId>:<window>"), so every api
 * instance computes the same code without sharing state, and a photo of the screen goes stale fast.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const CHECK_IN_CODE_LENGTH = 10;

/** RFC 4648 base32 without padding: letters and digits only, case-insensitive, easy to type as a fallback. */
function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The window an instant falls in. */
export function checkInWindow(atMs: number): number {
  return Math.floor(atMs / 1000 / CHECK_IN_TOKEN_SECONDS);
}

/** First 10 base32 characters (50 bits) of HMAC-SHA256(secret, `${meetingId}:${window}`). */
export function checkInCode(secret: Buffer, meetingId: string, window: number): string {
  return base32(createHmac('sha256', secret).update(`${meetingId}:${window}`).digest()).slice(0, CHECK_IN_CODE_LENGTH);
}

/**
 * The current window's code, and the previous one: someone who scans just before the code
 * rotates still gets in. Anything older is refused.
 */
export function isValidCheckInCode(secret: Buffer, meetingId: string, given: string, nowMs: number): boolean {
  const candidate = Buffer.from(given.trim().toUpperCase());
  const window = checkInWindow(nowMs);
  return [window, window - 1].some((w) => {
    const expected = Buffer.from(checkInCode(secret, meetingId, w));
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

/** When the current code stops being the one on screen. */
export function checkInCodeRotatesAt(nowMs: number): Date {
  return new Date((checkInWindow(nowMs) + 1) * CHECK_IN_TOKEN_SECONDS * 1000);
}

export const CHECK_IN_OPENS_BEFORE_START_MS = 2 * 3600_000;
const CHECK_IN_STATES: readonly MeetingState[] = ['notified', 'materials_sent', 'live'];

/**
 * Check-in is open from 2 h before the start until the scheduled end, for a meeting people were
 * told about; a live session stays open even when it runs over.
 */
export function isCheckInOpen(m: { state: MeetingState; startsAt: Date; endsAt: Date }, nowMs: number): boolean {
  if (!CHECK_IN_STATES.includes(m.state)) return false;
  if (m.state === 'live') return true;
  return nowMs >= m.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_START_MS && nowMs <= m.endsAt.getTime();
}
