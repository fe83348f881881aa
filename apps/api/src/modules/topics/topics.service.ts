import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CoSignReply, MyTopics, SessionUser, TopicPage, Topic, TopicInput, TopicListQuery, TopicPatch, TopicSource } from '@xieshang/contracts';
import { topicMachine } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { findTopic, isOffice, isScreener, likeEscape, newPublicId, POOL_STATES, recordEvent, recount, SUMMARY_COLUMNS, toSummary, type SummaryRow, type TopicRow } from './topic-rows';

const invalid = (field: string, code: string, message: string) => new AppException('VALIDATION_FAILED', { field }, [{ path: `body.${field}`, code, message }]);

/** States in which the office may still correct a topic's text; after that it belongs to the plan's record. */
const OFFICE_EDITABLE = new Set(['submitted', 'screening', 'pooled', 'shortlisted']);
const SUPPORTABLE = new Set(['pooled', 'shortlisted']);
export const COUNT_CAP = 1000;
const SORTS: Record<TopicListQuery['sort'], string> = {
  newest: 't.created_at DESC, t.id DESC',
  oldest: 't.created_at ASC, t.id ASC',
  support: 't.support_count DESC, t.created_at DESC, t.id DESC',
  title: 't.title ASC, t.id ASC',
};

/** Intake by members, departments and the office; my topics; support (附议) and co-signing (联名). */
@Injectable()
export class TopicsService {
  private planItemsExist: boolean | undefined;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
  ) {}

  async currentYear(m: EntityManager = this.ds.manager): Promise<number> {
    const { timeZone } = await this.settings.get(m);
    return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date()));
  }

  async create(user: SessionUser, input: TopicInput): Promise<Topic> {
    const office = isOffice(user);
    const coSignerIds = [...new Set(input.coSignerIds)].filter((id) => id !== user.id);
    const source = this.resolveSource(user, input, coSignerIds.length);
    const unit = office
      ? { sectorId: input.sectorId ?? null, committeeId: input.committeeId ?? null, departmentId: input.departmentId ?? null }
      : { sectorId: user.sectorId, committeeId: user.committeeId, departmentId: user.departmentId };
    if (source === 'sector' && !unit.sectorId) throw invalid('sectorId', 'required', 'Name the sector');
    if (source === 'committee' && !unit.committeeId) throw invalid('committeeId', 'required', 'Name the committee');
    if (source === 'department' && !unit.departmentId) throw invalid('departmentId', 'required', 'Name the department');
    if (source === 'party_committee' && !input.sourceRef) throw invalid('sourceRef', 'required', 'Give the reference of the assignment');
    // Topics the office enters for others (集题, 党委定题) have no member proposer.
    const onBehalf = source === 'office' || source === 'party_committee';

    return this.ds.transaction(async (m) => {
      if (coSignerIds.length > 0) {
        const found: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE id = ANY($1) AND active`, [coSignerIds]);
        if (found.length !== coSignerIds.length) throw invalid('coSignerIds', 'invalid', 'Unknown or inactive co-signer');
      }
      const year = input.year ?? (await this.currentYear(m));
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO topics (public_id, year, title, summary, rationale, category, policy_area, source, proposer_id, proposer_name, show_name,
           sector_id, committee_id, department_id, source_ref, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $13, $14, $15) RETURNING id`,
        [
          newPublicId(), year, input.title, input.summary, input.rationale, input.category, input.policyArea, source,
          onBehalf ? null : user.id, (office ? input.proposerName : null) ?? (onBehalf ? null : user.name),
          source === 'sector' ? unit.sectorId : null, source === 'committee' ? unit.committeeId : null, source === 'department' ? unit.departmentId : null,
          input.sourceRef ?? null, user.id,
        ],
      );
      if (coSignerIds.length > 0) {
        await m.query(`INSERT INTO topic_co_signers (topic_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, coSignerIds]);
        // Co-signers must confirm; tell them now, not when they happen to open 我的议题.
        await this.notifications.notify({ userIds: coSignerIds, kind: 'cosign_requested', params: { title: input.title, name: user.name }, link: `/topics/${id}` }, m);
      }
      await recordEvent(m, { topicId: id, action: 'submit', to: 'submitted', actorId: user.id, data: { source } });
      await this.audit.record({ actorId: user.id, action: 'topic.created', entity: 'topic', entityId: id, data: { title: input.title, source, coSigners: coSignerIds.length } }, m);
      return this.view(m, id, user);
    });
  }

  /** Members file as themselves (joint with co-signers), their sector or committee; departments as their department; the office any source. */
  private resolveSource(user: SessionUser, input: TopicInput, coSigners: number): Exclude<TopicSource, 'public_call'> {
    const wanted = input.source ?? (user.roles.includes('department') && !isOffice(user) ? 'department' : 'member');
    const source = wanted === 'member' && coSigners > 0 ? 'joint' : wanted;
    if (source === 'joint' && coSigners === 0) throw invalid('coSignerIds', 'too_small', 'A joint topic names at least one co-signer');
    if (isOffice(user)) return source;
    const allowed: Record<typeof source, boolean> = {
      member: true,
      joint: true,
      sector: !!user.sectorId,
      committee: !!user.committeeId,
      department: user.roles.includes('department') && !!user.departmentId,
      office: false,
      party_committee: false,
    };
    if (!allowed[source]) throw new AppException('FORBIDDEN', { source });
    return source;
  }

  async update(user: SessionUser, id: string, patch: TopicPatch): Promise<Topic> {
    return this.ds.transaction(async (m) => {
      const row = await findTopic(m, id, true);
      if (!row || !this.canSee(user, row, await this.relation(m, id, user.id))) throw new AppException('NOT_FOUND');
      if (!this.canEdit(user, row)) throw new AppException('FORBIDDEN');
      await m.query(
        `UPDATE topics SET title = coalesce($2, title), summary = coalesce($3, summary), rationale = coalesce($4, rationale),
           category = coalesce($5, category), policy_area = coalesce($6, policy_area),
           source_ref = CASE WHEN $7::boolean THEN $8 ELSE source_ref END,
           proposer_name = CASE WHEN $9::boolean THEN $10 ELSE proposer_name END, updated_at = now()
         WHERE id = $1`,
        [
          id, patch.title ?? null, patch.summary ?? null, patch.rationale ?? null, patch.category ?? null, patch.policyArea ?? null,
          isOffice(user) && patch.sourceRef !== undefined, patch.sourceRef ?? null,
          isOffice(user) && patch.proposerName !== undefined && row.proposer_id === null, patch.proposerName ?? null,
        ],
      );
      await recordEvent(m, { topicId: id, action: 'edit', actorId: user.id, data: { fields: Object.keys(patch) } });
      await this.audit.record({ actorId: user.id, action: 'topic.updated', entity: 'topic', entityId: id, data: { fields: Object.keys(patch) } }, m);
      return this.view(m, id, user);
    });
  }

  private canEdit(user: SessionUser, row: TopicRow): boolean {
    if (isOffice(user)) return OFFICE_EDITABLE.has(row.state);
    return row.proposer_id === user.id && row.state === 'submitted';
  }

  private canSee(user: SessionUser, row: Pick<TopicRow, 'state' | 'proposer_id'>, rel: Relation): boolean {
    if (isScreener(user)) return true;
    if (row.proposer_id === user.id || rel.coSign) return true;
    return POOL_STATES.includes(row.state);
  }

  private async relation(m: EntityManager, topicId: string, userId: string): Promise<Relation> {
    const [r]: Array<{ co_sign: Relation['coSign']; supported: boolean }> = await m.query(
      `SELECT (SELECT state FROM topic_co_signers WHERE topic_id = $1 AND user_id = $2) AS co_sign,
              EXISTS (SELECT 1 FROM topic_supports WHERE topic_id = $1 AND user_id = $2) AS supported`,
      [topicId, userId],
    );
    return { coSign: r?.co_sign ?? null, supported: r?.supported ?? false };
  }

  async get(user: SessionUser, id: string): Promise<Topic> {
    return this.view(this.ds.manager, id, user);
  }

  /** The topic as this viewer may see it: contact for the office only, comments for screeners and proposers. */
  async view(m: EntityManager, id: string, user: SessionUser): Promise<Topic> {
    const row = await findTopic(m, id);
    if (!row) throw new AppException('NOT_FOUND');
    const rel = await this.relation(m, id, user.id);
    if (!this.canSee(user, row, rel)) throw new AppException('NOT_FOUND');
    const insider = isScreener(user) || row.proposer_id === user.id || rel.coSign !== null;

    // One after another: inside a transaction they share one connection.
    const coSigners: Array<{ user_id: string; name: string; state: 'invited' | 'confirmed' | 'declined'; responded_at: Date | null }> = await m.query(
      `SELECT c.user_id, u.name, c.state, c.responded_at FROM topic_co_signers c JOIN users u ON u.id = c.user_id
       WHERE c.topic_id = $1 ORDER BY c.invited_at, u.name`,
      [id],
    );
    const history: Array<{ id: string; action: string; from_state: Topic['state'] | null; to_state: Topic['state'] | null; actor_name: string | null; comment: string | null; at: Date }> = await m.query(
      `SELECT e.id, e.action, e.from_state, e.to_state, u.name AS actor_name, e.comment, e.at
       FROM topic_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.topic_id = $1 ORDER BY e.at, e.id`,
      [id],
    );
    const mergedFrom: Array<{ id: string; title: string }> = await m.query(`SELECT id, title FROM topics WHERE merged_into_id = $1 ORDER BY created_at`, [id]);
    const planItemId = await this.planItemOf(m, id);
    const actor = { id: user.id, roles: user.roles };
    return {
      ...toSummary(row),
      rationale: row.rationale,
      proposerId: row.proposer_id,
      contact: isOffice(user) && (row.contact_phone || row.contact_email) ? { phone: row.contact_phone, email: row.contact_email } : null,
      // A public proposer who withheld consent stays anonymous to everyone but the office.
      proposerName: row.show_name || isOffice(user) ? row.proposer_name : null,
      showName: row.show_name,
      callId: row.call_id,
      callTitle: row.call_title,
      sectorId: row.sector_id,
      committeeId: row.committee_id,
      departmentId: row.department_id,
      unitName: row.unit_name,
      sourceRef: row.source_ref,
      rejectReason: row.reject_reason,
      mergedInto: row.merged_into_id ? { id: row.merged_into_id, title: row.merged_into_title ?? '' } : null,
      mergedFrom,
      coSigners: coSigners.map((c) => ({ userId: c.user_id, name: c.name, state: c.state, respondedAt: c.responded_at?.toISOString() ?? null })),
      supportedByMe: rel.supported,
      myCoSignState: rel.coSign,
      // Selection belongs to the plan: the topic page never offers it.
      allowedActions: topicMachine.allowedActions(actor, { state: row.state, id }).filter((a) => a !== 'select' && a !== 'deselect' && a !== 'not_select'),
      canEdit: this.canEdit(user, row),
      planItemId,
      history: history.map((e) => ({
        id: e.id,
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        actorName: e.actor_name,
        comment: insider ? e.comment : null,
        at: e.at.toISOString(),
      })),
    };
  }

  private async planItemOf(m: EntityManager, topicId: string): Promise<string | null> {
    // The plans slice adds plan_items in a later migration; until it runs there is nothing to link.
    if (this.planItemsExist === undefined) {
      const [{ exists }]: Array<{ exists: boolean }> = await m.query(`SELECT to_regclass('plan_items') IS NOT NULL AS exists`);
      this.planItemsExist = exists;
    }
    if (!this.planItemsExist) return null;
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM plan_items WHERE topic_id = $1 LIMIT 1`, [topicId]);
    return rows[0]?.id ?? null;
  }

  /** The board. Screeners see every topic; everyone else sees the pool (and finds their own under my topics). */
  async list(user: SessionUser, q: TopicListQuery): Promise<TopicPage> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    let states = q.state;
    if (!isScreener(user)) states = (states?.length ? states : [...POOL_STATES]).filter((s) => POOL_STATES.includes(s));
    if (states?.length) where.push(`t.state = ANY(${arg(states)})`);
    if (states && states.length === 0) where.push('false');
    if (q.source?.length) where.push(`t.source = ANY(${arg(q.source)})`);
    if (q.category) where.push(`t.category = ${arg(q.category)}`);
    if (q.policyArea) where.push(`t.policy_area = ${arg(q.policyArea)}`);
    if (q.year) where.push(`t.year = ${arg(q.year)}`);
    if (q.callId) where.push(`t.call_id = ${arg(q.callId)}`);
    // Chinese has no spaces between words: a substring match finds 养老 in 居家养老服务. Two characters have
    // no trigram, so they go to the bigram index; longer text to the trigram index (search_text is lower-cased).
    const needle = q.q?.toLowerCase() ?? '';
    const bigram = [...needle].length === 2;
    if (bigram) where.push(`t.search_bigrams @> ARRAY[${arg(needle)}]::text[]`);
    else if (needle) where.push(`t.search_text LIKE ${arg(`%${likeEscape(needle)}%`)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Counting stops at the cap: nobody pages through a thousand topics (they refine the filters), and
    // an exact count of 100,000 rows would cost more than the page itself.
    const countArgs = [...args];
    const limit = arg(q.pageSize);
    const offset = arg((q.page - 1) * q.pageSize);
    const run = async (m: EntityManager) => {
      // The planner prices an array containment per row far too low and would walk the whole table
      // hoping to meet a thousand matches early; the bigram index answers in a fraction of the time.
      if (bigram) await m.query(`SET LOCAL enable_seqscan = off`);
      const [{ n }]: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM topics t ${w} LIMIT ${COUNT_CAP + 1}) s`, countArgs);
      const rows: SummaryRow[] = await m.query(`SELECT ${SUMMARY_COLUMNS} FROM topics t ${w} ORDER BY ${SORTS[q.sort]} LIMIT ${limit} OFFSET ${offset}`, args);
      return { n, rows };
    };
    const { n, rows } = bigram ? await this.ds.transaction(run) : await run(this.ds.manager);
    const office = isOffice(user);
    return {
      items: rows.map((r) => ({ ...toSummary(r), proposerName: r.show_name || office ? r.proposer_name : null })),
      total: Math.min(n, COUNT_CAP),
      totalCapped: n > COUNT_CAP,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async mine(user: SessionUser): Promise<MyTopics> {
    const rows: Array<SummaryRow & { role: 'proposer' | 'co_signer' | 'invited' }> = await this.ds.query(
      `SELECT ${SUMMARY_COLUMNS}, CASE WHEN t.proposer_id = $1 THEN 'proposer' WHEN c.state = 'confirmed' THEN 'co_signer' ELSE 'invited' END AS role
       FROM topics t LEFT JOIN topic_co_signers c ON c.topic_id = t.id AND c.user_id = $1
       WHERE t.proposer_id = $1 OR c.state IN ('confirmed', 'invited')
       ORDER BY t.created_at DESC LIMIT 500`,
      [user.id],
    );
    return {
      topics: rows.filter((r) => r.role !== 'invited').map((r) => ({ ...toSummary(r), role: r.role as 'proposer' | 'co_signer' })),
      coSignRequests: rows.filter((r) => r.role === 'invited').map(toSummary),
    };
  }

  async replyCoSign(user: SessionUser, id: string, reply: CoSignReply): Promise<Topic> {
    return this.ds.transaction(async (m) => {
      const row = await findTopic(m, id, true);
      if (!row) throw new AppException('NOT_FOUND');
      const [invite]: Array<{ state: string }> = await m.query(`SELECT state FROM topic_co_signers WHERE topic_id = $1 AND user_id = $2 FOR UPDATE`, [id, user.id]);
      if (!invite) throw new AppException('FORBIDDEN');
      if (invite.state !== 'invited') throw new AppException('CONFLICT', { state: invite.state });
      const state = reply.decision === 'confirm' ? 'confirmed' : 'declined';
      await m.query(`UPDATE topic_co_signers SET state = $3, responded_at = now() WHERE topic_id = $1 AND user_id = $2`, [id, user.id, state]);
      await recount(m, [id]);
      await recordEvent(m, { topicId: id, action: reply.decision === 'confirm' ? 'co_sign_confirm' : 'co_sign_decline', actorId: user.id });
      await this.audit.record({ actorId: user.id, action: `topic.co_sign_${state}`, entity: 'topic', entityId: id }, m);
      return this.view(m, id, user);
    });
  }

  async support(user: SessionUser, id: string, on: boolean): Promise<Topic> {
    return this.ds.transaction(async (m) => {
      const row = await findTopic(m, id, true);
      if (!row || !this.canSee(user, row, await this.relation(m, id, user.id))) throw new AppException('NOT_FOUND');
      if (on) {
        if (!SUPPORTABLE.has(row.state)) throw new AppException('TOPIC_NOT_SUPPORTABLE', { state: row.state });
        // Supporting one's own topic would only inflate the count the office looks at.
        if (row.proposer_id === user.id) throw new AppException('FORBIDDEN');
        await m.query(`INSERT INTO topic_supports (topic_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, user.id]);
      } else {
        await m.query(`DELETE FROM topic_supports WHERE topic_id = $1 AND user_id = $2`, [id, user.id]);
      }
      await recount(m, [id]);
      await this.audit.record({ actorId: user.id, action: on ? 'topic.supported' : 'topic.support_withdrawn', entity: 'topic', entityId: id }, m);
      return this.view(m, id, user);
    });
  }
}

interface Relation {
  coSign: 'invited' | 'confirmed' | 'declined' | null;
  supported: boolean;
}
