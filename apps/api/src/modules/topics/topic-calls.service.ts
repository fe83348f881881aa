import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PublicTopicCall, PublicTopicInput, PublicTopicReceipt, PublicTopicStatus, SessionUser, TopicCall, TopicCallInput, TopicCallPatch, TopicState } from '@xieshang/contracts';
import { callLimitCheck, DEFAULT_PLAN_RULES, type PlanRules } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { newPublicId, recordEvent } from './topic-rows';

/**
 * Submissions per IP per hour. Generous enough for a community centre helping residents on one
 * computer, tight enough that a script cannot flood a call; the per-person limit does the rest.
 */
export const PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR = 20;

type CallRow = {
  id: string; year: number; title: string; description: string | null; opens_at: Date; closes_at: Date;
  max_topics_per_person: number | null; is_open: boolean; topic_count: number;
};
const CALL_COLUMNS = `c.id, c.year, c.title, c.description, c.opens_at, c.closes_at, c.max_topics_per_person,
  (now() >= c.opens_at AND now() < c.closes_at) AS is_open,
  (SELECT count(*)::int FROM topics t WHERE t.call_id = c.id) AS topic_count`;

/** Phones compare by digits, emails case-insensitively: one person, one count. */
export function contactKey(phone: string | undefined, email: string | undefined): string {
  if (phone) return `tel:${phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')}`;
  return `mail:${(email ?? '').trim().toLowerCase()}`;
}

/** Public calls (社会征题): the office runs them; visitors submit without an account and follow the status. */
@Injectable()
export class TopicCallsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The organisation rules live with the plans (app_settings `planRules`); the per-person limit is read from there. */
  private async rules(m: EntityManager): Promise<PlanRules> {
    const rows: Array<{ value: Partial<PlanRules> }> = await m.query(`SELECT value FROM app_settings WHERE key = 'planRules'`);
    return { ...DEFAULT_PLAN_RULES, ...(rows[0]?.value ?? {}) };
  }

  private async toCall(m: EntityManager, r: CallRow): Promise<TopicCall> {
    const rules = await this.rules(m);
    return {
      id: r.id,
      year: r.year,
      title: r.title,
      description: r.description,
      opensAt: r.opens_at.toISOString(),
      closesAt: r.closes_at.toISOString(),
      maxTopicsPerPerson: r.max_topics_per_person,
      effectiveMaxTopicsPerPerson: r.max_topics_per_person ?? rules.maxTopicsPerPersonPerCall,
      isOpen: r.is_open,
      topicCount: r.topic_count,
    };
  }

  private toPublic(c: TopicCall): PublicTopicCall {
    const { id, year, title, description, opensAt, closesAt, effectiveMaxTopicsPerPerson, isOpen } = c;
    return { id, year, title, description, opensAt, closesAt, effectiveMaxTopicsPerPerson, isOpen };
  }

  private async find(m: EntityManager, id: string): Promise<TopicCall> {
    const rows: CallRow[] = await m.query(`SELECT ${CALL_COLUMNS} FROM topic_calls c WHERE c.id = $1`, [id]);
    if (!rows[0]) throw new AppException('NOT_FOUND');
    return this.toCall(m, rows[0]);
  }

  async list(): Promise<TopicCall[]> {
    const rows: CallRow[] = await this.ds.query(`SELECT ${CALL_COLUMNS} FROM topic_calls c ORDER BY c.opens_at DESC LIMIT 200`);
    return Promise.all(rows.map((r) => this.toCall(this.ds.manager, r)));
  }

  async listOpen(): Promise<PublicTopicCall[]> {
    const rows: CallRow[] = await this.ds.query(`SELECT ${CALL_COLUMNS} FROM topic_calls c WHERE now() >= c.opens_at AND now() < c.closes_at ORDER BY c.closes_at`);
    return (await Promise.all(rows.map((r) => this.toCall(this.ds.manager, r)))).map((c) => this.toPublic(c));
  }

  async getPublic(id: string): Promise<PublicTopicCall> {
    return this.toPublic(await this.find(this.ds.manager, id));
  }

  async create(user: SessionUser, input: TopicCallInput): Promise<TopicCall> {
    return this.ds.transaction(async (m) => {
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO topic_calls (year, title, description, opens_at, closes_at, max_topics_per_person, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.year, input.title, input.description ?? null, input.opensAt, input.closesAt, input.maxTopicsPerPerson ?? null, user.id],
      );
      await this.audit.record({ actorId: user.id, action: 'topic_call.created', entity: 'topic_call', entityId: id, data: { title: input.title } }, m);
      return this.find(m, id);
    });
  }

  async update(user: SessionUser, id: string, patch: TopicCallPatch): Promise<TopicCall> {
    return this.ds.transaction(async (m) => {
      const before = await this.find(m, id);
      const opensAt = patch.opensAt ?? before.opensAt;
      const closesAt = patch.closesAt ?? before.closesAt;
      if (Date.parse(closesAt) <= Date.parse(opensAt)) {
        throw new AppException('VALIDATION_FAILED', { field: 'closesAt' }, [{ path: 'body.closesAt', code: 'custom', message: 'closes before it opens' }]);
      }
      await m.query(
        `UPDATE topic_calls SET title = $2, description = $3, opens_at = $4, closes_at = $5, max_topics_per_person = $6, updated_at = now() WHERE id = $1`,
        [
          id, patch.title ?? before.title, patch.description !== undefined ? patch.description : before.description, opensAt, closesAt,
          patch.maxTopicsPerPerson !== undefined ? patch.maxTopicsPerPerson : before.maxTopicsPerPerson,
        ],
      );
      await this.audit.record({ actorId: user.id, action: 'topic_call.updated', entity: 'topic_call', entityId: id, data: { fields: Object.keys(patch) } }, m);
      return this.find(m, id);
    });
  }

  /**
   * A visitor's topic. Order of checks: honeypot (answer as if accepted, store nothing), IP rate,
   * call open, per-person limit. The call row is locked so two parallel submissions cannot both
   * squeeze under the limit.
   */
  async submit(callId: string, input: PublicTopicInput, ip: string): Promise<PublicTopicReceipt> {
    if (input.website && input.website.trim() !== '') {
      return { publicId: newPublicId(), title: input.title, submittedAt: new Date().toISOString() };
    }
    return this.ds.transaction(async (m) => {
      const [rate]: Array<{ n: number; first: Date | null }> = await m.query(
        `SELECT count(*)::int AS n, min(created_at) AS first FROM topics WHERE submitter_ip = $1 AND created_at > now() - interval '1 hour'`,
        [ip],
      );
      if (rate.n >= PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR) {
        const retry = Math.max(1, Math.ceil(((rate.first?.getTime() ?? Date.now()) + 3600_000 - Date.now()) / 1000));
        throw new AppException('RATE_LIMITED', { retryAfterSeconds: retry });
      }
      const calls: CallRow[] = await m.query(`SELECT ${CALL_COLUMNS} FROM topic_calls c WHERE c.id = $1 FOR UPDATE OF c`, [callId]);
      if (!calls[0]) throw new AppException('NOT_FOUND');
      const call = await this.toCall(m, calls[0]);
      if (!call.isOpen) throw new AppException('TOPIC_CALL_CLOSED', { opensAt: call.opensAt, closesAt: call.closesAt });

      const key = contactKey(input.phone, input.email);
      const [{ n }]: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM topics WHERE call_id = $1 AND contact_key = $2`, [callId, key]);
      const violation = callLimitCheck(n, { ...DEFAULT_PLAN_RULES, maxTopicsPerPersonPerCall: call.effectiveMaxTopicsPerPerson });
      if (violation) throw new AppException('TOPIC_CALL_LIMIT', { required: violation.params.required, actual: violation.params.actual });

      const publicId = newPublicId();
      const [row]: Array<{ id: string; created_at: Date }> = await m.query(
        `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, proposer_name, show_name,
           contact_phone, contact_email, contact_key, submitter_ip, call_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'public_call', $8, $9, $10, $11, $12, $13, $14) RETURNING id, created_at`,
        [publicId, call.year, input.title, input.summary, input.rationale, input.category, input.policyArea, input.name, input.showName,
          input.phone ?? null, input.email ?? null, key, ip, callId],
      );
      await recordEvent(m, { topicId: row.id, action: 'submit', to: 'submitted', actorId: null, data: { source: 'public_call' } });
      await this.audit.record({ actorId: null, action: 'topic.public_submitted', entity: 'topic', entityId: row.id, data: { callId, title: input.title } }, m);
      return { publicId, title: input.title, submittedAt: row.created_at.toISOString() };
    });
  }

  /** The public status page: no contact, no internal comments; the name only with consent. */
  async status(publicId: string): Promise<PublicTopicStatus> {
    const rows: Array<{
      id: string; public_id: string; title: string; summary: string; state: TopicState; call_title: string | null; proposer_name: string | null;
      show_name: boolean; created_at: Date; updated_at: Date; reject_reason: string | null; mi_public_id: string | null; mi_title: string | null;
    }> = await this.ds.query(
      `SELECT t.id, t.public_id, t.title, t.summary, t.state, c.title AS call_title, t.proposer_name, t.show_name, t.created_at, t.updated_at,
         t.reject_reason, CASE WHEN mi.source = 'public_call' THEN mi.public_id END AS mi_public_id, mi.title AS mi_title
       FROM topics t LEFT JOIN topic_calls c ON c.id = t.call_id LEFT JOIN topics mi ON mi.id = t.merged_into_id
       WHERE t.public_id = $1 AND t.source = 'public_call'`,
      [publicId],
    );
    const t = rows[0];
    if (!t) throw new AppException('NOT_FOUND');
    const history: Array<{ to_state: TopicState; at: Date }> = await this.ds.query(
      `SELECT to_state, at FROM topic_events WHERE topic_id = $1 AND to_state IS NOT NULL ORDER BY at, id`,
      [t.id],
    );
    return {
      publicId: t.public_id,
      title: t.title,
      summary: t.summary,
      state: t.state,
      callTitle: t.call_title,
      proposerName: t.show_name ? t.proposer_name : null,
      submittedAt: t.created_at.toISOString(),
      updatedAt: t.updated_at.toISOString(),
      rejectReason: t.state === 'rejected' ? t.reject_reason : null,
      mergedInto: t.mi_title ? { publicId: t.mi_public_id, title: t.mi_title } : null,
      history: history.map((h) => ({ toState: h.to_state, at: h.at.toISOString() })),
    };
  }
}
