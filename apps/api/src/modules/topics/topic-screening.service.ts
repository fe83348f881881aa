import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SessionUser, SimilarTopic, Topic, TopicAction, TopicBulkInput, TopicBulkResult, TopicState, TopicTransitionInput } from '@xieshang/contracts';
import { isTransitionError, topicMachine, type WorkflowActor } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { transitionException } from '../attendance/transition-error';
import { AuditService } from '../audit/audit.service';
import { findTopic, recordEvent, recount } from './topic-rows';
import { TopicsService } from './topics.service';

/** Actions the plan drives (adding, removing an item, closing the plan); the board never offers them. */
export const PLAN_ACTIONS: readonly TopicAction[] = ['select', 'deselect', 'not_select'];
/** A duplicate may be merged into a topic that is still alive. */
const MERGE_TARGET_STATES: readonly TopicState[] = ['submitted', 'screening', 'pooled', 'shortlisted', 'selected'];
/**
 * pg_trgm similarity of two Chinese texts about the same matter is low (≈0.2 for near-duplicates,
 * since every character pair counts), so the cut-off is well below the extension's 0.3 default.
 */
const SIMILARITY_THRESHOLD = 0.12;
/** How many nearest titles are ranked; enough to hold every plausible duplicate. */
const SIMILAR_CANDIDATES = 40;

export interface TransitionRequest {
  action: TopicAction;
  comment?: string | null;
  reason?: string | null;
  targetId?: string;
}

/** Screening (flow 1): one transition, bulk transitions from the board, merge, similar topics. */
@Injectable()
export class TopicScreeningService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly topics: TopicsService,
  ) {}

  async transition(user: SessionUser, id: string, input: TopicTransitionInput): Promise<Topic> {
    if (PLAN_ACTIONS.includes(input.action)) {
      throw new AppException('VALIDATION_FAILED', { field: 'action' }, [{ path: 'body.action', code: 'invalid_value', message: 'Selection follows the annual plan' }]);
    }
    return this.ds.transaction(async (m) => {
      await this.apply(m, { id: user.id, roles: user.roles }, id, input);
      return this.topics.view(m, id, user);
    });
  }

  /**
   * Apply one transition inside the caller's transaction: state machine, merge bookkeeping, history
   * and audit. The plans module calls this for select / deselect / not_select.
   */
  async apply(m: EntityManager, actor: WorkflowActor, id: string, input: TransitionRequest): Promise<TopicState> {
    if (input.action === 'merge' && input.targetId) {
      // Lock both rows in a fixed order so two crossing merges cannot deadlock.
      await m.query(`SELECT id FROM topics WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [[id, input.targetId]]);
    }
    const row = await findTopic(m, id, true);
    if (!row) throw new AppException('NOT_FOUND');
    const result = topicMachine.apply(actor, { state: row.state, id }, input.action, {
      comment: input.comment ?? null,
      reason: input.reason ?? null,
      target: input.targetId ?? null,
    });
    if (isTransitionError(result)) {
      // The machine calls the merge target `target`; the body field is `targetId`.
      const e = result.error;
      throw transitionException(e.params.field === 'target' ? { ...e, params: { ...e.params, field: 'targetId' } } : e);
    }
    const to = result.to;

    if (input.action === 'merge') await this.mergeInto(m, actor, row.id, row.title, input.targetId as string, input.comment ?? null);
    await m.query(
      `UPDATE topics SET state = $2, updated_at = now(),
         reject_reason = CASE WHEN $2 = 'rejected' THEN $3 WHEN $2 = 'screening' THEN NULL ELSE reject_reason END,
         merged_into_id = CASE WHEN $2 = 'merged' THEN $4::uuid ELSE merged_into_id END
       WHERE id = $1`,
      [id, to, input.reason ?? null, input.targetId ?? null],
    );
    await recordEvent(m, {
      topicId: id,
      action: input.action,
      from: row.state,
      to,
      actorId: actor.id,
      comment: input.reason ?? input.comment ?? null,
      data: input.targetId ? { targetId: input.targetId } : {},
    });
    await this.audit.record(
      { actorId: actor.id, action: `topic.${input.action}`, entity: 'topic', entityId: id, data: { from: row.state, to, reason: input.reason ?? null, targetId: input.targetId ?? null } },
      m,
    );
    return to;
  }

  /** The survivor inherits the duplicate's co-signers and supports; the duplicate's proposer becomes a co-signer. */
  private async mergeInto(m: EntityManager, actor: WorkflowActor, sourceId: string, sourceTitle: string, targetId: string, comment: string | null): Promise<void> {
    const target = await findTopic(m, targetId);
    if (!target) throw new AppException('TOPIC_MERGE_TARGET', { state: 'missing' });
    if (!MERGE_TARGET_STATES.includes(target.state)) throw new AppException('TOPIC_MERGE_TARGET', { state: target.state });
    await m.query(
      `INSERT INTO topic_co_signers (topic_id, user_id, state, invited_at, responded_at)
       SELECT $2, c.user_id, c.state, c.invited_at, c.responded_at FROM topic_co_signers c
       WHERE c.topic_id = $1 AND c.user_id IS DISTINCT FROM $3
       ON CONFLICT (topic_id, user_id) DO UPDATE SET state = CASE WHEN EXCLUDED.state = 'confirmed' THEN 'confirmed' ELSE topic_co_signers.state END`,
      [sourceId, targetId, target.proposer_id],
    );
    await m.query(
      `INSERT INTO topic_co_signers (topic_id, user_id, state, responded_at)
       SELECT $2, t.proposer_id, 'confirmed', now() FROM topics t
       WHERE t.id = $1 AND t.proposer_id IS NOT NULL AND t.proposer_id IS DISTINCT FROM $3
       ON CONFLICT (topic_id, user_id) DO UPDATE SET state = 'confirmed', responded_at = now()`,
      [sourceId, targetId, target.proposer_id],
    );
    await m.query(
      `INSERT INTO topic_supports (topic_id, user_id, created_at)
       SELECT $2, s.user_id, s.created_at FROM topic_supports s WHERE s.topic_id = $1 AND s.user_id IS DISTINCT FROM $3
       ON CONFLICT DO NOTHING`,
      [sourceId, targetId, target.proposer_id],
    );
    await m.query(`DELETE FROM topic_co_signers WHERE topic_id = $1`, [sourceId]);
    await m.query(`DELETE FROM topic_supports WHERE topic_id = $1`, [sourceId]);
    await recount(m, [sourceId, targetId]);
    await m.query(`UPDATE topics SET updated_at = now() WHERE id = $1`, [targetId]);
    await recordEvent(m, { topicId: targetId, action: 'merged_in', actorId: actor.id, comment, data: { sourceId, sourceTitle } });
  }

  /** Each topic on its own terms: refused ones are reported and left as they were; the rest commit together. */
  async bulk(user: SessionUser, input: TopicBulkInput): Promise<TopicBulkResult> {
    const actor = { id: user.id, roles: user.roles };
    return this.ds.transaction(async (m) => {
      const updated: string[] = [];
      const refused: TopicBulkResult['refused'] = [];
      for (const id of [...new Set(input.ids)].sort()) {
        try {
          await m.query('SAVEPOINT bulk_item');
          await this.apply(m, actor, id, { action: input.action, reason: input.reason ?? null });
          await m.query('RELEASE SAVEPOINT bulk_item');
          updated.push(id);
        } catch (e) {
          await m.query('ROLLBACK TO SAVEPOINT bulk_item');
          if (!(e instanceof AppException)) throw e;
          refused.push({ id, code: e.code, ...(e.params ? { params: e.params } : {}) });
        }
      }
      return { updated, refused };
    });
  }

  /**
   * The most similar other topics, for spotting duplicates while screening. The nearest titles come
   * from the GiST trigram index (KNN, a few dozen rows whatever the size of the pool); those are
   * ranked by title and whole-text similarity together, since summaries share stock phrases.
   */
  async similar(id: string, limit: number): Promise<SimilarTopic[]> {
    const row = await findTopic(this.ds.manager, id);
    if (!row) throw new AppException('NOT_FOUND');
    const rows: Array<{ id: string; title: string; summary: string; state: TopicState; year: number; support_count: number; sim: number }> = await this.ds.query(
      `SELECT c.id, c.title, c.summary, c.state, c.year, c.support_count, c.sim FROM (
         SELECT t.id, t.title, t.summary, t.state, t.year, t.support_count, t.created_at,
           (similarity(t.title, $2) + similarity(t.search_text, $3)) / 2 AS sim
         FROM (SELECT * FROM topics ORDER BY title <-> $2 LIMIT ${SIMILAR_CANDIDATES}) t
         WHERE t.id <> $1 AND t.state <> 'merged'
       ) c WHERE c.sim >= $4 ORDER BY c.sim DESC, c.created_at DESC LIMIT $5`,
      [id, row.title, `${row.title} ${row.summary}`.toLowerCase(), SIMILARITY_THRESHOLD, limit],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, state: r.state, year: r.year, supportCount: r.support_count, similarity: Math.round(r.sim * 1000) / 1000 }));
  }
}
