/**
 * socket.io delivers binary as Buffer in Node and as ArrayBuffer in browsers; Yjs wants Uint8Array.
 * Anything else becomes an empty array, which every decoder rejects.
 */
export function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return new Uint8Array(0);
}
