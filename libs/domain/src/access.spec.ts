import fc from 'fast-check';
import { PERMISSIONS, ROLES, Role } from '@xieshang/contracts';
import { canAccess, canSeeContactDetails, checkSelfEdit, hasPermission, ROLE_GRANTS } from './access';

const actor = (...roles: Role[]) => ({ id: 'u1', roles });

describe('permissions', () => {
  it('grants every permission to at least one role and names only known roles', () => {
    for (const p of PERMISSIONS) {
      expect(ROLE_GRANTS[p].length).toBeGreaterThan(0);
      for (const r of ROLE_GRANTS[p]) expect(ROLES).toContain(r);
    }
  });

  it.each([
    ['members.manage', 'admin', true],
    ['members.manage', 'chair', false],
    ['members.manage', 'member', false],
    ['org.manage', 'admin', true],
    ['org.manage', 'department', false],
    ['directory.read', 'observer', true],
    ['audit.read', 'chair', true],
    ['audit.read', 'member', false],
  ] as const)('%s for %s → %s', (permission, role, expected) => {
    expect(hasPermission(actor(role), permission)).toBe(expected);
  });

  it('a user with several roles holds the union of their grants', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES], { minLength: 1 }), fc.constantFrom(...PERMISSIONS), (roles, p) => {
        expect(hasPermission(actor(...roles), p)).toBe(roles.some((r) => hasPermission(actor(r), p)));
      }),
    );
  });

  it('public routes admit anyone, others need a user, permission routes need the grant', () => {
    expect(canAccess(null, 'public')).toBe(true);
    expect(canAccess(null, 'authenticated')).toBe(false);
    expect(canAccess(actor('observer'), 'authenticated')).toBe(true);
    expect(canAccess(null, 'members.manage')).toBe(false);
    expect(canAccess(actor('member'), 'members.manage')).toBe(false);
    expect(canAccess(actor('admin'), 'members.manage')).toBe(true);
  });

  it('shows contact details to oneself, the office and the chair only', () => {
    expect(canSeeContactDetails(actor('member'), 'u1')).toBe(true);
    expect(canSeeContactDetails(actor('member'), 'u2')).toBe(false);
    expect(canSeeContactDetails(actor('chair'), 'u2')).toBe(true);
    expect(canSeeContactDetails(actor('admin'), 'u2')).toBe(true);
  });

  it('stops an admin from locking themselves out, but not from editing others', () => {
    const admin = actor('admin');
    expect(checkSelfEdit(admin, 'u1', { active: false })).toBe('SELF_LOCKOUT');
    expect(checkSelfEdit(admin, 'u1', { roles: ['member'] })).toBe('SELF_LOCKOUT');
    expect(checkSelfEdit(admin, 'u1', { roles: ['admin', 'member'] })).toBe('ok');
    expect(checkSelfEdit(admin, 'u2', { active: false, roles: ['member'] })).toBe('ok');
  });
});
