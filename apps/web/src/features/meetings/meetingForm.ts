import type { z } from 'zod';
import type { AgendaItemKind, AgendaTemplateItem, InviteeSelection, Meeting, MeetingInput, MeetingMode, MeetingType } from '@xieshang/contracts';
import { utcToWall, wallToUtc } from './time';

export interface AgendaRow {
  /** React key; stable while rows move */
  key: string;
  /** kept for existing items so the live session's agenda keeps its ids */
  id?: string;
  title: string;
  kind: AgendaItemKind;
}

export type VideoChoice = 'none' | 'link' | 'jitsi';
export type Invitees = Required<InviteeSelection>;

export interface MeetingFormState {
  typeId: string | null;
  title: string;
  description: string;
  /** wall-clock `YYYY-MM-DD HH:mm:ss` in the organisation's zone (the pickers' value format) */
  startsAt: string | null;
  endsAt: string | null;
  venue: string;
  mode: MeetingMode;
  video: VideoChoice;
  videoUrl: string;
  hostId: string | null;
  committeeId: string | null;
  replyDeadline: string | null;
  agenda: AgendaRow[];
  /** once edited by hand, a type change no longer replaces the agenda */
  agendaTouched: boolean;
  invitees: Invitees;
  firstTimeFirst: boolean;
  /** the annual-plan item this meeting carries out (kept on the meeting) */
  planItemId: string | null;
}

/** A new meeting scheduled from an annual-plan item (/meetings/new?planItemId=…&typeId=…&title=…). */
export interface PlanItemSeed {
  planItemId: string;
  typeId: string | null;
  title: string;
}

export type MeetingBody = z.input<typeof MeetingInput>;

let rowSeq = 0;
export const newRowKey = () => `row-${++rowSeq}`;

export const agendaRows = (items: readonly (AgendaTemplateItem & { id?: string })[]): AgendaRow[] =>
  items.map((i) => ({ key: newRowKey(), id: i.id, title: i.title, kind: i.kind }));

export const EMPTY_INVITEES: Invitees = { userIds: [], sectorIds: [], committeeIds: [], departmentIds: [], groups: [] };

/** A new meeting (optionally on a day picked in the calendar) or the meeting being edited. */
export function initialForm(meeting: Meeting | null, timeZone: string, day?: string | null, seed?: PlanItemSeed | null): MeetingFormState {
  if (meeting) {
    return {
      typeId: meeting.typeId,
      title: meeting.title,
      description: meeting.description ?? '',
      startsAt: utcToWall(meeting.startsAt, timeZone),
      endsAt: utcToWall(meeting.endsAt, timeZone),
      venue: meeting.venue ?? '',
      mode: meeting.mode,
      video: meeting.videoUrl ? 'link' : 'none',
      videoUrl: meeting.videoUrl ?? '',
      hostId: meeting.hostId,
      committeeId: meeting.committeeId,
      replyDeadline: meeting.replyDeadline ? utcToWall(meeting.replyDeadline, timeZone) : null,
      agenda: agendaRows(meeting.agenda),
      agendaTouched: true,
      invitees: { ...EMPTY_INVITEES, ...meeting.invitees },
      firstTimeFirst: meeting.firstTimeFirst,
      planItemId: meeting.planItemId,
    };
  }
  return {
    typeId: seed?.typeId ?? null,
    title: seed?.title ?? '',
    description: '',
    // Meetings usually start in the morning; a day from the calendar pre-fills 09:00–11:30.
    startsAt: day ? `${day} 09:00:00` : null,
    endsAt: day ? `${day} 11:30:00` : null,
    venue: '',
    mode: 'in_person',
    video: 'none',
    videoUrl: '',
    hostId: null,
    committeeId: null,
    replyDeadline: null,
    agenda: [],
    agendaTouched: false,
    invitees: { ...EMPTY_INVITEES },
    firstTimeFirst: false,
    planItemId: seed?.planItemId ?? null,
  };
}

/** Picking a type on a new meeting brings its default agenda, unless the agenda was edited. */
export function applyType(form: MeetingFormState, type: MeetingType | undefined): MeetingFormState {
  const next = { ...form, typeId: type?.id ?? null };
  if (type && !form.agendaTouched) next.agenda = agendaRows(type.defaultAgenda);
  return next;
}

const MS_PER_MIN = 60_000;

/** Moving the start keeps the meeting's length (default 2.5 h when there was no valid end). */
export function withStart(form: MeetingFormState, startsAt: string | null, timeZone: string): MeetingFormState {
  if (!startsAt) return { ...form, startsAt };
  let length = 150 * MS_PER_MIN;
  if (form.startsAt && form.endsAt) {
    const old = Date.parse(wallToUtc(form.endsAt, timeZone)) - Date.parse(wallToUtc(form.startsAt, timeZone));
    if (old > 0) length = old;
  }
  const end = new Date(Date.parse(wallToUtc(startsAt, timeZone)) + length).toISOString();
  return { ...form, startsAt, endsAt: utcToWall(end, timeZone) };
}

export type MissingField = 'typeId' | 'title' | 'startsAt' | 'endsAt';

/** Required fields left empty, and an end not after the start, before any round trip. */
export function clientIssues(form: MeetingFormState, timeZone: string): Partial<Record<MissingField, 'required' | 'endBeforeStart'>> {
  const out: Partial<Record<MissingField, 'required' | 'endBeforeStart'>> = {};
  if (!form.typeId) out.typeId = 'required';
  if (!form.title.trim()) out.title = 'required';
  if (!form.startsAt) out.startsAt = 'required';
  if (!form.endsAt) out.endsAt = 'required';
  if (form.startsAt && form.endsAt && Date.parse(wallToUtc(form.endsAt, timeZone)) <= Date.parse(wallToUtc(form.startsAt, timeZone))) out.endsAt = 'endBeforeStart';
  return out;
}

/**
 * The request body (MeetingInput) for the form, or null while type or times are missing.
 * `titleFallback` lets the scheduling check run before a title is typed.
 */
export function toMeetingBody(form: MeetingFormState, timeZone: string, titleFallback?: string): MeetingBody | null {
  if (!form.typeId || !form.startsAt || !form.endsAt) return null;
  const title = form.title.trim() || titleFallback;
  if (!title) return null;
  return {
    typeId: form.typeId,
    title,
    description: form.description.trim() || null,
    startsAt: wallToUtc(form.startsAt, timeZone),
    endsAt: wallToUtc(form.endsAt, timeZone),
    venue: form.venue.trim() || null,
    mode: form.mode,
    videoUrl: form.video === 'link' ? form.videoUrl.trim() || null : form.video === 'none' ? null : undefined,
    ...(form.video === 'jitsi' ? { createJitsiRoom: true } : {}),
    hostId: form.hostId,
    committeeId: form.committeeId,
    // Blank rows are left out rather than refused: an empty line is not an agenda item.
    agenda: form.agenda.filter((r) => r.title.trim()).map((r) => (r.id ? { id: r.id, title: r.title.trim(), kind: r.kind } : { title: r.title.trim(), kind: r.kind })),
    invitees: form.invitees,
    replyDeadline: form.replyDeadline ? wallToUtc(form.replyDeadline, timeZone) : null,
    firstTimeFirst: form.firstTimeFirst,
    planItemId: form.planItemId,
  };
}
