import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

interface Pending {
  /** transaction depth when registered: a savepoint rolled back drops what was registered inside it */
  depth: number;
  run: () => void;
}

/** TypeORM keeps the nesting depth protected; savepoints need it to drop the right callbacks. */
const depthOf = (qr: QueryRunner) => (qr as unknown as { transactionDepth?: number }).transactionDepth ?? 1;

/**
 * Runs side effects (socket pushes, email) only once the data they announce is committed.
 * Keyed by the transaction's QueryRunner: flushed when the outermost transaction commits, dropped
 * when it rolls back. A manager outside any transaction has already committed, so it runs now.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly log = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(@InjectDataSource() ds: DataSource) {
    // Registered at runtime (the Nest way for injectable subscribers): the broadcaster reads this list on each event.
    ds.subscribers.push(this);
  }

  run(manager: EntityManager, fn: () => void): void {
    const qr = manager.queryRunner;
    if (!qr || !qr.isTransactionActive) {
      this.safely(fn);
      return;
    }
    const list = this.pending.get(qr) ?? [];
    list.push({ depth: depthOf(qr), run: fn });
    this.pending.set(qr, list);
  }

  afterTransactionCommit({ queryRunner: qr }: TransactionCommitEvent): void {
    if (qr.isTransactionActive) return; // a savepoint was released; the outer transaction may still roll back
    const list = this.pending.get(qr);
    if (!list) return;
    this.pending.delete(qr);
    for (const p of list) this.safely(p.run);
  }

  afterTransactionRollback({ queryRunner: qr }: TransactionRollbackEvent): void {
    const list = this.pending.get(qr);
    if (!list) return;
    if (!qr.isTransactionActive) this.pending.delete(qr);
    else this.pending.set(qr, list.filter((p) => p.depth <= depthOf(qr)));
  }

  /** The commit already happened: a failing side effect must never surface as a failed request. */
  private safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log.error(`after-commit task failed: ${(e as Error).message}`);
    }
  }
}
