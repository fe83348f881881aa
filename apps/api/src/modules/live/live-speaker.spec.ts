import { randomUUID } from 'node:crypto';
import type { LiveCommand } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import type { LivePerson } from './live-directory';
import { withDirectoryNames } from './live-speaker';

const me = randomUUID();
const other = randomUUID();
const dept = randomUUID();
const people = new Map<string, LivePerson>([
  [me, { id: me, name: '李委员', sectorName: '教育界', departmentId: null, roles: ['member'] }],
  [other, { id: other, name: '王处长', sectorName: null, departmentId: dept, roles: ['department'] }],
]);
const lookup = async (id: string) => people.get(id) ?? null;
const c = (x: Record<string, unknown>) => ({ clientCommandId: randomUUID(), ...x }) as LiveCommand;

describe('names in the queue come from the directory', () => {
  it('overwrites what the client claimed for the speaker', async () => {
    const out = await withDirectoryNames(c({ type: 'queue:raise-hand', mode: 'room', name: '冒名', sectorName: '假界别' }), me, lookup);
    expect(out).toMatchObject({ name: '李委员', sectorName: '教育界' });
  });

  it('names the member a host acts for, leaves out a missing sector, takes the liaison’s department', async () => {
    const out = await withDirectoryNames(c({ type: 'queue:insert-response', mode: 'room', afterEntryId: null, memberId: other, name: 'x', sectorName: 'y' }), me, lookup);
    expect(out).toMatchObject({ name: '王处长', departmentId: dept });
    expect(out).not.toHaveProperty('sectorName');
  });

  it('drops names on commands that place an existing request, and leaves other commands alone', async () => {
    const pending = await withDirectoryNames(c({ type: 'queue:insert-response', mode: 'room', afterEntryId: null, pendingEntryId: randomUUID(), name: 'x' }), me, lookup);
    expect(pending).not.toHaveProperty('name');
    const open = c({ type: 'session:open' });
    expect(await withDirectoryNames(open, me, lookup)).toBe(open);
  });

  it('refuses a member id that is nobody', async () => {
    await expect(withDirectoryNames(c({ type: 'queue:add-reply', mode: 'room', memberId: randomUUID(), replyToEntryId: randomUUID() }), me, lookup)).rejects.toBeInstanceOf(AppException);
  });
});
