import type { EntityManager } from 'typeorm';
import type { FieldIssue, InviteeSelection } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';

export const EMPTY_SELECTION: InviteeSelection = { userIds: [], sectorIds: [], committeeIds: [], departmentIds: [], groups: [] };

/** Fill in the lists a stored or partial selection may lack. */
export function normaliseSelection(s: Partial<InviteeSelection> | null | undefined): InviteeSelection {
  return {
    userIds: [...new Set(s?.userIds ?? [])],
    sectorIds: [...new Set(s?.sectorIds ?? [])],
    committeeIds: [...new Set(s?.committeeIds ?? [])],
    departmentIds: [...new Set(s?.departmentIds ?? [])],
    groups: [...new Set(s?.groups ?? [])],
  };
}

/**
 * Refuse a selection naming people or units that do not exist (or people deactivated), so a typo
 * does not silently invite nobody.
 */
export async function assertSelectionRefs(m: EntityManager, s: InviteeSelection, pathPrefix = 'body.invitees'): Promise<void> {
  const issues: FieldIssue[] = [];
  const missing = async (sql: string, ids: string[], field: string, what: string) => {
    if (!ids.length) return;
    const rows: Array<{ id: string }> = await m.query(sql, [ids]);
    const found = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) issues.push({ path: `${pathPrefix}.${field}`, code: 'unknown', message: `No such ${what}: ${unknown.slice(0, 5).join(', ')}` });
  };
  await missing(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active`, s.userIds, 'userIds', 'active user');
  await missing(`SELECT id FROM sectors WHERE id = ANY($1::uuid[])`, s.sectorIds, 'sectorIds', 'sector');
  await missing(`SELECT id FROM committees WHERE id = ANY($1::uuid[])`, s.committeeIds, 'committeeIds', 'committee');
  await missing(`SELECT id FROM departments WHERE id = ANY($1::uuid[])`, s.departmentIds, 'departmentIds', 'department');
  if (issues.length) throw new AppException('VALIDATION_FAILED', undefined, issues);
}

/**
 * The active people a selection names: the listed users (observers too), everyone in the listed
 * sectors, committees and departments, every member (role member) and every standing-committee member.
 */
export async function expandSelection(m: EntityManager, s: InviteeSelection): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT id FROM users WHERE active AND (
       id = ANY($1::uuid[]) OR sector_id = ANY($2::uuid[]) OR committee_id = ANY($3::uuid[]) OR department_id = ANY($4::uuid[])
       OR ($5 AND 'member' = ANY(roles)) OR ($6 AND is_standing_committee))
     ORDER BY id`,
    [s.userIds, s.sectorIds, s.committeeIds, s.departmentIds, s.groups.includes('all_members'), s.groups.includes('standing_committee')],
  );
  return rows.map((r) => r.id);
}
