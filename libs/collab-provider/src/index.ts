/** Yjs sync over socket.io (`/collab`), with acknowledged, resent updates: see provider.ts. */
export { CollabProvider } from './provider';
export type { CollabProviderOptions, CollabStatus, CollabProviderEvents } from './provider';
export { toBytes } from './bytes';
