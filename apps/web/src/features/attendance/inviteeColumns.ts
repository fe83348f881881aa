import type { Invitation } from '@xieshang/contracts';

export interface InviteeListProps {
  rows: Invitation[];
  /** office only: the api blanks reasons for everyone else */
  showReason: boolean;
  /** once the meeting has ended and attendance is final */
  showAttendance: boolean;
  /** office only: staff check-in */
  onCheckIn?: (inv: Invitation) => void;
  checkingInId?: string | null;
  dateTime: (iso: string | null) => string;
  time: (iso: string | null) => string;
}

/** Sector for members, department for liaisons, committee as a last resort. */
export const affiliationOf = (inv: Invitation) => inv.sectorName ?? inv.departmentName ?? inv.committeeName ?? '—';

export const canStaffCheckIn = (inv: Invitation) => inv.state !== 'checked_in';
