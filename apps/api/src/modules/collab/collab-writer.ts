import { LogRefusal, type LogEntry, type RefusedDocs } from './collab-log';

interface Pending {
  /** null: a barrier, resolved once everything queued before it is committed */
  entry: LogEntry | null;
  resolve(): void;
  reject(e: unknown): void;
}

export interface CommittedBatch {
  /** the rows written, in order */
  entries: LogEntry[];
}

/**
 * Group commit: everything queued during one tick (across documents) goes to PostgreSQL as one multi-row
 * INSERT. Up to `maxInFlight` batches commit concurrently (PostgreSQL groups their fsyncs), so a batch does not
 * wait for the previous one's commit to start its own; callers are answered strictly in queue order, so a client
 * never hears of a later update's ack before an earlier one's. Each caller's promise resolves once its row is
 * committed — that is when the client gets its ack.
 */
export class CollabWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** answers go out in order: each batch's answers wait for the previous batch's */
  private answered: Promise<void> = Promise.resolve();

  constructor(
    /** writes the rows it may; returns the documents whose rows it refused (finalized or deleted) */
    private readonly write: (entries: LogEntry[]) => Promise<RefusedDocs>,
    private readonly onCommitted: (batch: CommittedBatch) => void,
    private readonly onFailed: (documentIds: Set<string>, error: unknown) => void,
    private readonly maxInFlight = 4,
  ) {}

  /** Resolves when `entry` is durable. */
  append(entry: LogEntry): Promise<void> {
    return this.enqueue(entry);
  }

  /** Resolves when every write queued so far (any document) is committed or has failed. */
  barrier(): Promise<void> {
    if (!this.inFlight && !this.queue.length) return Promise.resolve();
    return this.enqueue(null).catch(() => undefined);
  }

  /** Writes queued or in flight. */
  get busy(): boolean {
    return this.inFlight > 0 || this.queue.length > 0;
  }

  private enqueue(entry: LogEntry | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight >= this.maxInFlight || !this.queue.length) return;
    const batch = this.queue;
    this.queue = [];
    const entries = batch.flatMap((p) => (p.entry ? [p.entry] : []));
    this.inFlight++;
    const settled = this.writeIsolated(entries);
    this.answered = this.answered
      .then(() => settled)
      .then(({ failed, error }) => {
        this.inFlight--;
        const ok = failed.size ? entries.filter((e) => !failed.has(e.documentId)) : entries;
        if (ok.length) this.onCommitted({ entries: ok });
        if (failed.size) this.onFailed(failed, error);
        for (const p of batch) {
          if (p.entry && failed.has(p.entry.documentId)) p.reject(error);
          else p.resolve();
        }
        if (this.queue.length) this.schedule();
      });
  }

  /**
   * One INSERT for the batch; if it fails and the batch spans several documents, each document's rows are
   * written on their own, so one bad document does not fail everyone's edits. Documents the log refused
   * (finalized or deleted) fail with a LogRefusal; nothing was written for them, so nothing is retried.
   */
  private async writeIsolated(entries: LogEntry[]): Promise<{ failed: Set<string>; error?: unknown }> {
    if (!entries.length) return { failed: new Set() };
    const refusal = (refused: RefusedDocs) => ({ failed: new Set(refused.keys()), error: refused.size ? new LogRefusal(refused) : undefined });
    try {
      return refusal(await this.write(entries));
    } catch (error) {
      const byDoc = new Map<string, LogEntry[]>();
      for (const e of entries) byDoc.set(e.documentId, [...(byDoc.get(e.documentId) ?? []), e]);
      if (byDoc.size === 1) return { failed: new Set(byDoc.keys()), error };
      const failed = new Set<string>();
      const refused: RefusedDocs = new Map();
      let last: unknown = error;
      for (const [documentId, rows] of byDoc) {
        try {
          for (const [id, reason] of await this.write(rows)) refused.set(id, reason);
        } catch (e) {
          failed.add(documentId);
          last = e;
        }
      }
      // a refusal is the more useful answer when some documents were refused and none failed otherwise
      if (!failed.size) return refusal(refused);
      for (const id of refused.keys()) failed.add(id);
      return { failed, error: last };
    }
  }
}
