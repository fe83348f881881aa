import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Locale, SessionUser } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../members/user.entity';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { SessionEntity } from './session.entity';

export interface AuthenticatedSession {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

export function toSessionUser(u: UserEntity): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    isStandingCommittee: u.isStandingCommittee,
    sectorId: u.sectorId,
    committeeId: u.committeeId,
    departmentId: u.departmentId,
    locale: u.locale,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Failed attempts per email and per IP inside the window; past the limit, refuse without checking the password. */
  private async checkRateLimit(email: string, ip: string): Promise<void> {
    const windowMin = this.config.LOGIN_WINDOW_MINUTES;
    const [row] = await this.ds.query(
      `SELECT
         count(*) FILTER (WHERE email = $1)::int AS by_email,
         count(*) FILTER (WHERE ip = $2)::int AS by_ip,
         min(at) FILTER (WHERE email = $1) AS first_email,
         min(at) FILTER (WHERE ip = $2) AS first_ip
       FROM login_attempts WHERE NOT success AND at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, windowMin],
    );
    const max = this.config.LOGIN_MAX_FAILURES;
    // The IP limit is looser: a whole committee may share one office NAT.
    const blocked = row.by_email >= max ? row.first_email : row.by_ip >= max * 10 ? row.first_ip : null;
    if (blocked) {
      const retry = Math.max(1, Math.ceil((new Date(blocked).getTime() + windowMin * 60_000 - Date.now()) / 1000));
      throw new AppException('RATE_LIMITED', { retryAfterSeconds: retry });
    }
  }

  async login(email: string, password: string, meta: { ip: string; userAgent: string | null }): Promise<AuthenticatedSession & { token: string }> {
    await this.checkRateLimit(email, meta.ip);
    const user = await this.ds.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
    await this.ds.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, $3)`, [email, meta.ip, ok]);
    if (!user || !ok) throw new AppException('INVALID_CREDENTIALS');
    if (!user.active) throw new AppException('ACCOUNT_DISABLED');

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    const session = await this.ds.getRepository(SessionEntity).save({
      tokenHash: sha256(token),
      csrfToken,
      userId: user.id,
      expiresAt,
      lastSeenAt: new Date(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await this.audit.record({ actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, data: { ip: meta.ip } });
    return { token, sessionId: session.id, csrfToken, user: toSessionUser(user) };
  }

  /** Resolve a cookie token to its live session and active user, or null. */
  async authenticate(token: string | undefined): Promise<AuthenticatedSession | null> {
    if (!token || token.length > 100) return null;
    const rows: Array<{ session_id: string; csrf_token: string; last_seen_at: Date } & Record<string, unknown>> = await this.ds.query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id, u.email, u.name, u.roles, u.is_standing_committee,
              u.sector_id, u.committee_id, u.department_id, u.locale
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
      [sha256(token)],
    );
    const r = rows[0];
    if (!r) return null;
    // Touch at most once a minute: a write per request would be wasted I/O.
    if (Date.now() - new Date(r.last_seen_at).getTime() > 60_000) {
      void this.ds.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [r.session_id]).catch(() => undefined);
    }
    return {
      sessionId: r.session_id,
      csrfToken: r.csrf_token,
      user: {
        id: r.id as string,
        email: r.email as string,
        name: r.name as string,
        roles: r.roles as SessionUser['roles'],
        isStandingCommittee: r.is_standing_committee as boolean,
        sectorId: r.sector_id as string | null,
        committeeId: r.committee_id as string | null,
        departmentId: r.department_id as string | null,
        locale: r.locale as Locale,
      },
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.ds.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  async setLocale(userId: string, locale: Locale): Promise<SessionUser> {
    await this.ds.getRepository(UserEntity).update({ id: userId }, { locale });
    return toSessionUser(await this.ds.getRepository(UserEntity).findOneByOrFail({ id: userId }));
  }

  /** Changing the password ends every other session of the user. */
  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    const user = await this.ds.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: userId }).getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'currentPassword', code: 'wrong_password', message: 'Wrong current password' }]);
    }
    await this.ds.transaction(async (m) => {
      await m.update(UserEntity, { id: userId }, { passwordHash: await hashPassword(next) });
      await m.query(`DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, [userId, sessionId]);
      await this.audit.record({ actorId: userId, action: 'auth.password-changed', entity: 'user', entityId: userId }, m);
    });
  }

  async purgeExpired(): Promise<void> {
    await this.ds.query(`DELETE FROM sessions WHERE expires_at < now()`);
    await this.ds.query(`DELETE FROM login_attempts WHERE at < now() - interval '7 days'`);
  }
}
