import type { DataSource, EntityManager } from 'typeorm';
import type { AgendaTemplateItem, LeaveApprover } from '@xieshang/contracts';

/** 通报 → 提问 → 部门解答 → 交流发言 → 自由讨论: the usual order of a consultation meeting. */
export const DEFAULT_AGENDA: readonly AgendaTemplateItem[] = [
  { title: '情况通报', kind: 'briefing' },
  { title: '委员提问', kind: 'questions' },
  { title: '部门解答', kind: 'department_response' },
  { title: '交流发言', kind: 'arranged_speeches' },
  { title: '自由讨论', kind: 'free_discussion' },
];

export interface StandardMeetingType {
  code: string;
  nameZh: string;
  nameEn: string;
  leaveApprover: LeaveApprover;
  speakingLimitMinutes: number;
}

/**
 * The nine standard types of issue 4. Plenary and standing committee leave goes to the chair;
 * activities a special committee runs (special, sector, counterpart and proposal-handling
 * consultations) to that committee's head; the rest to the office. Plenary speeches get 8 minutes.
 */
export const STANDARD_MEETING_TYPES: readonly StandardMeetingType[] = [
  { code: 'plenary', nameZh: '全体会议', nameEn: 'Plenary session', leaveApprover: 'chair', speakingLimitMinutes: 8 },
  { code: 'standing_committee', nameZh: '常委会议', nameEn: 'Standing committee meeting', leaveApprover: 'chair', speakingLimitMinutes: 5 },
  { code: 'chair_meeting', nameZh: '主席会议', nameEn: "Chair's meeting", leaveApprover: 'office', speakingLimitMinutes: 5 },
  { code: 'special_consultation', nameZh: '专题协商会', nameEn: 'Special consultation', leaveApprover: 'committee_head', speakingLimitMinutes: 5 },
  { code: 'consultation_forum', nameZh: '协商座谈会', nameEn: 'Consultation forum (incl. bi-monthly)', leaveApprover: 'office', speakingLimitMinutes: 5 },
  { code: 'sector_consultation', nameZh: '界别协商', nameEn: 'Sector consultation', leaveApprover: 'committee_head', speakingLimitMinutes: 5 },
  { code: 'counterpart_consultation', nameZh: '对口协商', nameEn: 'Counterpart consultation', leaveApprover: 'committee_head', speakingLimitMinutes: 5 },
  { code: 'proposal_consultation', nameZh: '提案办理协商', nameEn: 'Proposal-handling consultation', leaveApprover: 'committee_head', speakingLimitMinutes: 5 },
  { code: 'remote_consultation', nameZh: '远程协商', nameEn: 'Remote consultation', leaveApprover: 'office', speakingLimitMinutes: 5 },
];

/**
 * Insert any standard type that is missing, matched by code; runs on every boot, with or without
 * demo data. Types the office has edited are left alone.
 */
export async function seedStandardMeetingTypes(m: EntityManager | DataSource): Promise<void> {
  for (const [i, t] of STANDARD_MEETING_TYPES.entries()) {
    await m.query(
      `INSERT INTO meeting_types (code, name_zh, name_en, notice_working_days, materials_working_days, leave_approver, speaking_limit_minutes, default_agenda, sort_order)
       VALUES ($1, $2, $3, 15, 10, $4, $5, $6::jsonb, $7) ON CONFLICT (code) DO NOTHING`,
      [t.code, t.nameZh, t.nameEn, t.leaveApprover, t.speakingLimitMinutes, JSON.stringify(DEFAULT_AGENDA), (i + 1) * 10],
    );
  }
}
