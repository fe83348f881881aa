import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { CollabUser } from './userColor';

export interface Present extends CollabUser {
  /** this browser tab */
  self: boolean;
}

/**
 * Who is here: one entry per person (someone with two tabs open appears once), me first, then by name.
 * Awareness states without a user (a client that has not announced itself yet) are left out.
 */
export function presentUsers(states: Map<number, Record<string, unknown>>, selfClientId: number): Present[] {
  const byId = new Map<string, Present>();
  for (const [clientId, state] of states) {
    const user = state?.user as Partial<CollabUser> | undefined;
    if (!user?.id || !user.name) continue;
    const self = clientId === selfClientId;
    const seen = byId.get(user.id);
    if (!seen || self) byId.set(user.id, { id: user.id, name: user.name, color: user.color ?? '#868e96', self: self || !!seen?.self });
  }
  return [...byId.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'zh-CN'));
}

export function usePresence(awareness: Awareness | undefined): Present[] {
  const [present, setPresent] = useState<Present[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setPresent(presentUsers(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return present;
}
