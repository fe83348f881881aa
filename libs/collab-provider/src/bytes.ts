/**
 * socket.io delivers binary as Buffer in Node and as ArrayBuffer in browsers; Yjs wants Uint8Array.
 * Anything else becomes an empty array, which every decoder rejects.
 */
export function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string') return fromBase64(v);
  return new Uint8Array(0);
}

/** Room broadcasts come as base64 text (one websocket frame per client instead of two). */
function fromBase64(text: string): Uint8Array {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return new Uint8Array(0);
  }
}
