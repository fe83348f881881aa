import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AppException } from '../../common/app-exception';

/** One client's entry in a y-protocols awareness update (state null = that client left). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decode an awareness update, refusing anything that is not one (or whose states are not JSON objects). */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const dec = decoding.createDecoder(update);
    const n = decoding.readVarUint(dec);
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(dec);
      const clock = decoding.readVarUint(dec);
      const state: unknown = JSON.parse(decoding.readVarString(dec));
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('state is not an object');
      out.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(dec)) throw new Error('trailing bytes');
    return out;
  } catch {
    throw new AppException('DOC_UPDATE_INVALID');
  }
}

/**
 * Re-encode the entries with the sender's own identity in `user.id` and `user.name`: carets and the
 * "who is here" list show the signed-in person, whatever name a modified client announces.
 */
export function stampedAwarenessUpdate(entries: AwarenessEntry[], user: { id: string; name: string }): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(enc, clientId);
    encoding.writeVarUint(enc, clock);
    const announced = state?.user;
    const rest = typeof announced === 'object' && announced !== null && !Array.isArray(announced) ? announced : {};
    encoding.writeVarString(enc, JSON.stringify(state === null ? null : { ...state, user: { ...rest, id: user.id, name: user.name } }));
  }
  return encoding.toUint8Array(enc);
}
