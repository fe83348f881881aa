import { randomBytes } from 'node:crypto';
import { checkInCode, checkInCodeRotatesAt, checkInWindow, isCheckInOpen, isValidCheckInCode } from './check-in-code';

const secret = Buffer.from('0123456789abcdef0123456789abcdef');
const meetingId = '7d9f3c5e-2b1a-4c8d-9e0f-112233445566';
const HOUR = 3600_000;

describe('check-in code', () => {
  it('is 10 base32 characters, stable for a window and different for the next window, meeting or secret', () => {
    const code = checkInCode(secret, meetingId, 1000);
    expect(code).toMatch(/^[A-Z2-7]{10}$/);
    expect(checkInCode(secret, meetingId, 1000)).toBe(code);
    expect(checkInCode(secret, meetingId, 1001)).not.toBe(code);
    expect(checkInCode(secret, '00000000-0000-4000-8000-000000000000', 1000)).not.toBe(code);
    expect(checkInCode(randomBytes(32), meetingId, 1000)).not.toBe(code);
  });

  it('follows the HMAC-SHA256 definition (known answer)', () => {
    // base32(HMAC-SHA256("0123…cdef", "<id>:1000")) computed independently (Python hmac + base64.b32encode).
    expect(checkInCode(secret, meetingId, 1000)).toBe('CU5Y7GOJZ3');
  });

  it('rotates every 30 s', () => {
    expect(checkInWindow(0)).toBe(0);
    expect(checkInWindow(29_999)).toBe(0);
    expect(checkInWindow(30_000)).toBe(1);
    expect(checkInCodeRotatesAt(45_000).getTime()).toBe(60_000);
  });

  it('accepts the current and the previous window (case-insensitive), nothing older or newer', () => {
    const now = 1_800_000_000_000;
    const w = checkInWindow(now);
    expect(isValidCheckInCode(secret, meetingId, checkInCode(secret, meetingId, w), now)).toBe(true);
    expect(isValidCheckInCode(secret, meetingId, checkInCode(secret, meetingId, w - 1).toLowerCase(), now)).toBe(true);
    expect(isValidCheckInCode(secret, meetingId, ` ${checkInCode(secret, meetingId, w)} `, now)).toBe(true);
    expect(isValidCheckInCode(secret, meetingId, checkInCode(secret, meetingId, w - 2), now)).toBe(false);
    expect(isValidCheckInCode(secret, meetingId, checkInCode(secret, meetingId, w + 1), now)).toBe(false);
    expect(isValidCheckInCode(secret, meetingId, checkInCode(secret, meetingId, w).slice(0, 9), now)).toBe(false);
  });

  it('opens 2 h before the start and closes at the end; a live session stays open', () => {
    const startsAt = new Date(10 * HOUR);
    const endsAt = new Date(12 * HOUR);
    const open = (state: Parameters<typeof isCheckInOpen>[0]['state'], at: number) => isCheckInOpen({ state, startsAt, endsAt }, at);
    expect(open('notified', 8 * HOUR - 1)).toBe(false);
    expect(open('notified', 8 * HOUR)).toBe(true);
    expect(open('materials_sent', 12 * HOUR)).toBe(true);
    expect(open('materials_sent', 12 * HOUR + 1)).toBe(false);
    expect(open('live', 13 * HOUR)).toBe(true);
    for (const state of ['planned', 'preparing', 'minutes', 'reported', 'closed', 'cancelled'] as const) expect(open(state, 10 * HOUR)).toBe(false);
  });
});
