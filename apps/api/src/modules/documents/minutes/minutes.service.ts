import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttendanceStatus, LiveEntry, LiveState, SessionUser } from '@xieshang/contracts';
import { canCreateDocument } from '@xieshang/domain';
import { replaceContent } from '@xieshang/editor-schema';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../../common/app-exception';
import { AuditService } from '../../audit/audit.service';
import { CollabDocStore } from '../../collab/collab-doc-store';
import { LiveSpeakerEvents, type LiveEntriesChanged } from '../../live/live-speaker-events';
import { SettingsService } from '../../settings/settings.service';
import { recordEvent } from '../document-view';
import { minutesTemplate, speakingRowCells, tableKeyOf, type MinutesAgendaItem, type MinutesInvitee, type SpeakingRow } from './minutes-template';
import { applyRowChanges, templateAnchors, type Anchors, type RowChange } from './speaking-log-yjs';

const SPOKEN: ReadonlySet<LiveEntry['status']> = new Set(['called', 'speaking', 'done']);

export function rowOfEntry(e: LiveEntry): SpeakingRow | null {
  if (!SPOKEN.has(e.status)) return null;
  return {
    entryId: e.id,
    agendaItemId: e.agendaItemId,
    name: e.name ?? null,
    sector: e.sectorName ?? null,
    kind: e.kind,
    status: e.status as SpeakingRow['status'],
    startedAt: e.startedAt ?? null,
    durationMs: e.status === 'done' ? (e.durationMs ?? Math.max(0, (e.endedAt ?? 0) - (e.startedAt ?? e.endedAt ?? 0))) : null,
  };
}

const signature = (row: SpeakingRow, key: string, timeZone: string) => JSON.stringify([key, ...speakingRowCells(row, timeZone)]);
const REMOVED = 'removed';

interface MeetingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue: string | null;
  host_id: string | null;
  host_name: string | null;
  type_name: string | null;
  agenda: unknown;
}

/**
 * The minutes of a meeting: created from the template (office or host), and kept filled with the live
 * speaking log — when the host calls, starts or finishes a speaker, the row appears or changes in the minutes
 * through the collab store (a server edit peers receive like any other). Work for one meeting runs in order
 * on this instance, so a template being written and a speaker being called do not interleave.
 */
@Injectable()
export class MinutesService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('minutes');
  private readonly lanes = new Map<string, Promise<unknown>>();
  private off: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly store: CollabDocStore,
    private readonly settings: SettingsService,
    private readonly liveEvents: LiveSpeakerEvents,
  ) {}

  onModuleInit(): void {
    this.off = this.liveEvents.on((c) => this.onLiveEntries(c));
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  /** Runs work for one meeting after the work queued before it (failures do not block the lane). */
  private inLane<T>(meetingId: string, work: () => Promise<T>): Promise<T> {
    const prev = this.lanes.get(meetingId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(work);
    const settled = next.catch(() => undefined);
    this.lanes.set(meetingId, settled);
    void settled.then(() => this.lanes.get(meetingId) === settled && this.lanes.delete(meetingId));
    return next;
  }

  /** Lets tests and shutdown wait until the minutes of a meeting are up to date with what was heard. */
  idle(meetingId: string): Promise<unknown> {
    return this.lanes.get(meetingId) ?? Promise.resolve();
  }

  // ---- creating ----

  /** The minutes' id: the existing one, or a new document from the template. */
  create(meetingId: string, viewer: SessionUser, title?: string): Promise<string> {
    return this.inLane(meetingId, async () => {
      const meeting = await this.meeting(this.ds.manager, meetingId);
      if (!meeting) throw new AppException('NOT_FOUND');
      if (!canCreateDocument(viewer, 'minutes', { isMeetingHost: meeting.host_id === viewer.id })) throw new AppException('FORBIDDEN');
      const existing = await this.minutesId(meetingId);
      if (existing) return existing;

      const timeZone = (await this.settings.get()).timeZone;
      const agenda = agendaOf(meeting.agenda);
      const rows = await this.spokenRows(meetingId);
      const template = minutesTemplate(
        { title: meeting.title, typeName: meeting.type_name, startsAt: meeting.starts_at, endsAt: meeting.ends_at, venue: meeting.venue, hostName: meeting.host_name },
        await this.invitees(meetingId),
        agenda,
        rows,
        timeZone,
      );
      const id = await this.ds.transaction(async (m) => {
        const inserted: Array<{ id: string }> = await m.query(
          `INSERT INTO documents (kind, title, meeting_id, created_by) VALUES ('minutes', $1, $2, $3)
           ON CONFLICT (meeting_id) WHERE kind = 'minutes' DO NOTHING RETURNING id`,
          [title ?? `${meeting.title}纪要`.slice(0, 200), meetingId, viewer.id],
        );
        const id = inserted[0]?.id;
        if (!id) return null;
        if (!viewer.roles.includes('admin')) await m.query(`INSERT INTO document_members (document_id, user_id, role, added_by) VALUES ($1, $2, 'editor', $2)`, [id, viewer.id]);
        await recordEvent(m, id, { kind: 'created', actorId: viewer.id, toState: 'draft' });
        await this.audit.record({ actorId: viewer.id, action: 'document.created', entity: 'document', entityId: id, data: { kind: 'minutes', meetingId } }, m);
        return id;
      });
      // another instance made them meanwhile
      if (!id) return (await this.minutesId(meetingId)) as string;

      let anchors: Anchors = new Map();
      await this.store.applyServerChange(
        id,
        (doc) => {
          replaceContent(doc, template.json);
          anchors = templateAnchors(doc, template.tableIndex, template.tableRows);
        },
        viewer.id,
      );
      const signatures = new Map(rows.map((r) => [`row:${r.entryId}`, signature(r, tableKeyOf(r, agenda), timeZone)]));
      await this.saveAnchors(this.ds.manager, id, anchors, signatures, []);
      return id;
    });
  }

  private async minutesId(meetingId: string): Promise<string | null> {
    const [r]: Array<{ id: string }> = await this.ds.query(`SELECT id FROM documents WHERE meeting_id = $1 AND kind = 'minutes'`, [meetingId]);
    return r?.id ?? null;
  }

  private async meeting(m: EntityManager, meetingId: string): Promise<MeetingRow | undefined> {
    const [row]: MeetingRow[] = await m.query(
      `SELECT mt.id, mt.title, mt.starts_at, mt.ends_at, mt.venue, mt.host_id, h.name AS host_name, ty.name_zh AS type_name, mt.agenda
         FROM meetings mt LEFT JOIN users h ON h.id = mt.host_id LEFT JOIN meeting_types ty ON ty.id = mt.type_id WHERE mt.id = $1`,
      [meetingId],
    );
    return row;
  }

  /** Attendance as fixed when the meeting ended; before that, from check-in and approved leave. */
  private async invitees(meetingId: string): Promise<MinutesInvitee[]> {
    const rows: Array<{ name: string; state: string; attendance: AttendanceStatus | null }> = await this.ds.query(
      `SELECT u.name, i.state, i.attendance FROM meeting_invitations i JOIN users u ON u.id = i.user_id WHERE i.meeting_id = $1 ORDER BY u.name, u.id`,
      [meetingId],
    );
    return rows.map((r) => ({
      name: r.name,
      status: r.attendance ?? (r.state === 'checked_in' ? 'present' : r.state === 'leave_approved' ? 'excused' : 'absent'),
    }));
  }

  /** Everyone already called, speaking or finished: the live state, else the speaking log kept after the session. */
  private async spokenRows(meetingId: string): Promise<SpeakingRow[]> {
    const [live]: Array<{ state: LiveState }> = await this.ds.query(`SELECT state FROM live_sessions WHERE meeting_id = $1`, [meetingId]);
    const fromState = (live?.state.entries ?? []).flatMap((e) => rowOfEntry(e) ?? []);
    const logged: Array<{ entry_id: string; agenda_item_id: string | null; name: string | null; sector_name: string | null; kind: LiveEntry['kind']; started_at: Date; duration_ms: number }> =
      await this.ds.query(`SELECT entry_id, agenda_item_id, name, sector_name, kind, started_at, duration_ms FROM speaking_log WHERE meeting_id = $1 ORDER BY started_at, id`, [meetingId]);
    const seen = new Set(fromState.map((r) => r.entryId));
    const fromLog = logged
      .filter((l) => !seen.has(l.entry_id))
      .map<SpeakingRow>((l) => ({ entryId: l.entry_id, agendaItemId: l.agenda_item_id, name: l.name, sector: l.sector_name, kind: l.kind, status: 'done', startedAt: l.started_at.getTime(), durationMs: l.duration_ms }));
    return [...fromLog, ...fromState].sort((a, b) => (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity));
  }

  // ---- the live speaking log ----

  private onLiveEntries(c: LiveEntriesChanged): Promise<void> {
    return this.inLane(c.meetingId, () => this.sync(c.meetingId, c.state)).catch((err: unknown) => {
      this.log.error({ err, meetingId: c.meetingId }, 'could not write the speaking log into the minutes');
    });
  }

  /** Make the minutes' rows match the live state's called, speaking and finished entries. */
  private async sync(meetingId: string, state: LiveState): Promise<void> {
    const [doc]: Array<{ id: string; state: string; agenda: unknown }> = await this.ds.query(
      `SELECT d.id, d.state, mt.agenda FROM documents d JOIN meetings mt ON mt.id = d.meeting_id WHERE d.meeting_id = $1 AND d.kind = 'minutes'`,
      [meetingId],
    );
    if (!doc || doc.state === 'finalized') return;
    const timeZone = (await this.settings.get()).timeZone;
    const agenda = agendaOf(doc.agenda);
    const stored: Array<{ key: string; pos: Buffer | null; signature: string | null }> = await this.ds.query(`SELECT key, pos, signature FROM document_anchors WHERE document_id = $1`, [doc.id]);
    const anchors: Anchors = new Map(stored.filter((s) => s.pos).map((s) => [s.key, new Uint8Array(s.pos as Buffer)]));
    const sigs = new Map(stored.map((s) => [s.key, s.signature]));

    const changes: RowChange[] = [];
    const newSigs = new Map<string, string>();
    const wanted = new Set<string>();
    for (const e of state.entries) {
      const row = rowOfEntry(e);
      if (!row) continue;
      const key = tableKeyOf(row, agenda);
      const sig = signature(row, key, timeZone);
      wanted.add(`row:${e.id}`);
      if (sigs.get(`row:${e.id}`) === sig) continue;
      changes.push({ entryId: e.id, row, tableKey: key });
      newSigs.set(`row:${e.id}`, sig);
    }
    // called and then skipped or withdrawn: the row goes again (entries of this session only)
    const inSession = new Set(state.entries.map((e) => `row:${e.id}`));
    for (const [key, sig] of sigs) {
      if (key.startsWith('row:') && inSession.has(key) && !wanted.has(key) && sig !== REMOVED) {
        changes.push({ entryId: key.slice(4), row: null, tableKey: '' });
        newSigs.set(key, REMOVED);
      }
    }
    if (!changes.length) return;
    let result: ReturnType<typeof applyRowChanges> = { added: new Map(), removed: [] };
    await this.store.applyServerChange(doc.id, (ydoc) => (result = applyRowChanges(ydoc, anchors, changes, timeZone)), null);
    await this.saveAnchors(this.ds.manager, doc.id, result.added, newSigs, result.removed);
  }

  private async saveAnchors(m: EntityManager, documentId: string, anchors: Anchors, signatures: Map<string, string>, removed: readonly string[]): Promise<void> {
    const keys = new Set([...anchors.keys(), ...signatures.keys()]);
    for (const key of keys) {
      const pos = anchors.get(key);
      await m.query(
        `INSERT INTO document_anchors (document_id, key, pos, signature) VALUES ($1, $2, $3, $4)
         ON CONFLICT (document_id, key) DO UPDATE SET pos = COALESCE(EXCLUDED.pos, document_anchors.pos), signature = COALESCE(EXCLUDED.signature, document_anchors.signature)`,
        [documentId, key, pos ? Buffer.from(pos) : null, signatures.get(key) ?? null],
      );
    }
    if (removed.length) await m.query(`UPDATE document_anchors SET pos = NULL WHERE document_id = $1 AND key = ANY($2::text[])`, [documentId, removed]);
  }
}

function agendaOf(raw: unknown): MinutesAgendaItem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: { id?: unknown; title?: unknown }) => (typeof a?.id === 'string' && typeof a.title === 'string' ? [{ id: a.id, title: a.title }] : []));
}
