import { randomUUID } from 'node:crypto';
import type { LiveCommand, Role } from '@xieshang/contracts';
import { commandRefusal, joinRefusal, liveAccess, liveActor } from './live-access';

const user = (roles: Role[], departmentId: string | null = null) => ({ id: randomUUID(), roles, departmentId });
const cmd = (c: Record<string, unknown>) => ({ clientCommandId: randomUUID(), ...c }) as LiveCommand;

describe('live access rules', () => {
  const hostId = randomUUID();

  it('makes the admin, the named host, or any chair when nobody is named, the host', () => {
    expect(liveAccess(user(['admin']), { hostId }, false).isHost).toBe(true);
    expect(liveAccess({ ...user(['chair', 'member']), id: hostId }, { hostId }, true).isHost).toBe(true);
    expect(liveAccess(user(['chair', 'member']), { hostId }, true).isHost).toBe(false);
    expect(liveAccess(user(['chair']), { hostId: null }, false).isHost).toBe(true);
    expect(liveAccess(user(['member']), { hostId: null }, true).isHost).toBe(false);
  });

  it('gives the floor to invited members and responses to invited liaisons only', () => {
    const dept = randomUUID();
    expect(liveAccess(user(['member']), { hostId }, true)).toMatchObject({ canView: true, canRequestFloor: true, canRespond: false });
    expect(liveAccess(user(['member']), { hostId }, false)).toMatchObject({ canView: false, canRequestFloor: false });
    expect(liveAccess(user(['department'], dept), { hostId }, true)).toMatchObject({ canView: true, canRequestFloor: false, canRespond: true });
    expect(liveAccess(user(['department'], dept), { hostId }, false)).toMatchObject({ canView: false, canRespond: false });
    expect(liveAccess(user(['observer']), { hostId }, false)).toMatchObject({ canView: true, canRequestFloor: false });
    expect(liveAccess(user(['leader']), { hostId }, false)).toMatchObject({ canView: true, canRequestFloor: false });
  });

  it('explains a refused join: unseen meetings are not found, seen ones not invited, early ones not live', () => {
    const member = user(['member']);
    const outsider = liveAccess(member, { hostId }, false);
    expect(joinRefusal(member, { state: 'preparing' }, outsider)).toEqual({ code: 'NOT_FOUND' });
    expect(joinRefusal(member, { state: 'notified' }, outsider)).toEqual({ code: 'NOT_INVITED' });
    const invitee = liveAccess(member, { hostId }, true);
    expect(joinRefusal(member, { state: 'preparing' }, invitee)).toEqual({ code: 'SESSION_NOT_LIVE', params: { status: 'preparing' } });
    expect(joinRefusal(member, { state: 'live' }, invitee)).toBeNull();
    expect(joinRefusal(member, { state: 'minutes' }, invitee)).toBeNull();
  });

  it('refuses floor requests the reducer cannot judge (it does not know the invitation list)', () => {
    const observer = liveAccess(user(['observer']), { hostId }, false);
    expect(commandRefusal(cmd({ type: 'queue:raise-hand', mode: 'room' }), observer)).toBe('FORBIDDEN');
    expect(commandRefusal(cmd({ type: 'queue:point-of-order', mode: 'room' }), observer)).toBe('FORBIDDEN');
    expect(commandRefusal(cmd({ type: 'queue:request-response', mode: 'room' }), observer)).toBe('FORBIDDEN');
    // host-only commands are the reducer's to refuse (NOT_HOST)
    expect(commandRefusal(cmd({ type: 'queue:call-next' }), observer)).toBeNull();
  });

  it('builds the reducer actor from the session, with the department only when there is one', () => {
    const u = user(['member']);
    expect(liveActor(u, liveAccess(u, { hostId }, true))).toEqual({ id: u.id, roles: ['member'], isHost: false });
    const l = user(['department'], randomUUID());
    expect(liveActor(l, liveAccess(l, { hostId }, true)).departmentId).toBe(l.departmentId);
  });
});
