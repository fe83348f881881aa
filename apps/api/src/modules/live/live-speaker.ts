import type { LiveCommand } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import type { LivePerson } from './live-directory';
import { speakerFields } from './live-seed';

/** Whom a command puts in the queue, if anyone (the pending-request form of insert-response adds nobody new). */
function speakerOf(c: LiveCommand, actorId: string): string | null | undefined {
  switch (c.type) {
    case 'queue:raise-hand':
      return c.memberId ?? actorId;
    case 'queue:point-of-order':
    case 'queue:request-response':
      return actorId;
    case 'queue:insert-response':
      return c.memberId ?? null;
    case 'queue:add-reply':
      return c.memberId;
    default:
      return undefined;
  }
}

/**
 * Names and sectors shown in the queue come from the directory, whatever the client sent: a member
 * cannot appear under another name, and every screen shows the same spelling.
 */
export async function withDirectoryNames(command: LiveCommand, actorId: string, person: (id: string) => Promise<LivePerson | null>): Promise<LiveCommand> {
  const target = speakerOf(command, actorId);
  if (target === undefined) return command;
  const { name: _name, sectorName: _sector, ...rest } = command as LiveCommand & { name?: string; sectorName?: string };
  if (target === null) return rest as LiveCommand;
  const p = await person(target);
  if (!p) {
    throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'command.memberId', code: 'unknown_member', message: 'No active member with this id' }]);
  }
  const named = { ...rest, ...speakerFields(p) } as LiveCommand;
  if (named.type === 'queue:insert-response' && p.departmentId) return { ...named, departmentId: p.departmentId };
  return named;
}
