import type { EntityManager } from 'typeorm';
import type { OutcomeAction, OutcomeState, SessionUser } from '@xieshang/contracts';
import { isTransitionError, localDate, type TransitionResult, type WorkflowActor } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import type { SettingsService } from '../settings/settings.service';

/* Small pieces the outcome services share: the actor, today, the trail, the liaisons to notify. */

export const actorOf = (u: SessionUser): WorkflowActor => ({ id: u.id, roles: u.roles, departmentId: u.departmentId, committeeId: u.committeeId });

/** Today's calendar date in the organisation's time zone (deadlines are calendar dates there). */
export async function todayIn(settings: SettingsService, now = new Date()): Promise<string> {
  const { timeZone } = await settings.get();
  return localDate(now, timeZone);
}

/** A machine's refusal as the API error it names. */
export function unwrap<S extends string>(result: TransitionResult<S>): S {
  if (isTransitionError(result)) throw new AppException(result.error.code, result.error.params);
  return result.to;
}

export interface TrailStep {
  outcomeId: string;
  action: OutcomeAction;
  from: OutcomeState | null;
  to: OutcomeState;
  actorId: string | null;
  comment?: string | null;
  assignmentId?: string | null;
  round?: number | null;
}

export async function recordStep(m: EntityManager, s: TrailStep): Promise<void> {
  await m.query(
    `INSERT INTO outcome_trail (outcome_id, action, from_state, to_state, actor_id, comment, assignment_id, round) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [s.outcomeId, s.action, s.from, s.to, s.actorId, s.comment ?? null, s.assignmentId ?? null, s.round ?? null],
  );
  await m.query(`UPDATE outcomes SET state = $2, updated_at = now() WHERE id = $1`, [s.outcomeId, s.to]);
}

/** Active liaison accounts of a department: who hears about its assignments. */
export async function liaisonIds(m: EntityManager, departmentId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE department_id = $1 AND 'department' = ANY(roles) AND active`, [departmentId]);
  return rows.map((r) => r.id);
}

export const invalid = (path: string, code: string, message: string) => new AppException('VALIDATION_FAILED', undefined, [{ path, code, message }]);
