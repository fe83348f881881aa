import { ERROR_CODES, ERROR_REGISTRY, formatErrorMessage } from './errors';
import { LoginRequest } from './auth';
import { MemberInput } from './members';

describe('error registry', () => {
  it('uses SCREAMING_SNAKE codes and HTTP error statuses', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(ERROR_REGISTRY[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_REGISTRY[code].status).toBeLessThan(600);
    }
  });

  it('fills message parameters and leaves unknown ones visible', () => {
    expect(formatErrorMessage('RATE_LIMITED', { retryAfterSeconds: 30 })).toBe('Too many attempts; try again in 30 s');
    expect(formatErrorMessage('IN_USE')).toContain('{count}');
  });
});

describe('schemas', () => {
  it('normalizes login emails and refuses unknown fields', () => {
    expect(LoginRequest.parse({ email: ' A@B.org ', password: 'x' }).email).toBe('a@b.org');
    expect(LoginRequest.safeParse({ email: 'a@b.org', password: 'x', admin: true }).success).toBe(false);
  });

  it('member input: defaults, phone normalization, duplicate roles refused', () => {
    const m = MemberInput.parse({ email: 'a@b.org', name: ' 张三 ', roles: ['member'], phone: '138 0000-0000' });
    expect(m).toMatchObject({ name: '张三', isStandingCommittee: false, sectorId: null, phone: '13800000000' });
    expect(MemberInput.safeParse({ email: 'a@b.org', name: 'x', roles: ['member', 'member'] }).success).toBe(false);
    expect(MemberInput.safeParse({ email: 'a@b.org', name: 'x', roles: [] }).success).toBe(false);
  });
});
