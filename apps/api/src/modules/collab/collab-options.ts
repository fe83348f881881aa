/** Tunables of the collab store; the defaults suit production, tests shorten them (CollabDocStore.configure). */
export interface CollabOptions {
  /** fold the log into the snapshot once a loaded document has this many log rows… */
  compactAfterRows: number;
  /** …or once its oldest unfolded row is this old (ms) */
  compactAfterMs: number;
  /** a document nobody has open stays in memory this long (ms) */
  unloadGraceMs: number;
  /** documents loaded from PostgreSQL at the same time (a reconnect storm waits its turn) */
  maxConcurrentLoads: number;
  /** rows per INSERT statement (one statement per tick unless more arrive) */
  maxRowsPerInsert: number;
  /** the compaction lease in Redis (ms); renewed while the document is loaded here */
  leaseMs: number;
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  compactAfterRows: 500,
  compactAfterMs: 60_000,
  unloadGraceMs: 30_000,
  maxConcurrentLoads: 4,
  maxRowsPerInsert: 1_000,
  leaseMs: 30_000,
};
