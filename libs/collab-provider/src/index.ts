/** Yjs sync over socket.io (`/collab`), with acknowledged, resent updates: see provider.ts. */
export {};
