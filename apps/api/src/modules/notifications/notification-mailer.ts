import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { Locale } from '@xieshang/contracts';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { NotificationEntity } from './notification.entity';
import { renderNotificationEmail } from './notification-email';

const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED']);

interface Recipient {
  id: string;
  email: string;
  locale: Locale;
}

/**
 * Email copies of notifications when SMTP_URL is set. Runs after commit and in the background:
 * a slow or dead mail server is logged, never felt by the request that caused the notification.
 */
@Injectable()
export class NotificationMailer implements OnModuleDestroy {
  private readonly log = new Logger(NotificationMailer.name);
  private readonly transport: Transporter | null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
  ) {
    this.transport = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Fire and forget; `idle()` lets tests and shutdown wait for the queue. */
  send(created: readonly NotificationEntity[], timeZone: () => Promise<string>): void {
    if (!this.transport || created.length === 0) return;
    const job = this.deliver(created, timeZone).catch((e: unknown) => this.log.error(`email delivery failed: ${(e as Error).message}`));
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
  }

  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private async deliver(created: readonly NotificationEntity[], timeZone: () => Promise<string>): Promise<void> {
    const transport = this.transport!;
    const recipients: Recipient[] = await this.ds.query(`SELECT id, email, locale FROM users WHERE id = ANY($1) AND active AND email <> ''`, [[...new Set(created.map((n) => n.userId))]]);
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const tz = await timeZone();
    for (const n of created) {
      const to = byId.get(n.userId);
      if (!to) continue;
      const base = this.config.PUBLIC_URL?.replace(/\/$/, '');
      const mail = renderNotificationEmail(n.kind, n.params, { locale: to.locale, timeZone: tz, orgName: this.config.ORG_NAME, url: base && n.link ? `${base}${n.link}` : null });
      try {
        await transport.sendMail({ from: this.config.SMTP_FROM, to: to.email, subject: mail.subject, text: mail.text, html: mail.html });
        await this.ds.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [n.id]);
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        this.log.warn(`email for notification ${n.id} not sent: ${code} ${(e as Error).message}`);
        // The server is unreachable: the rest of this batch would only wait for the same timeout.
        if (UNREACHABLE.has(code)) return;
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    // Let queued mail finish (bounded), so shutdown does not cut a message or query in half.
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, 5_000).unref())]);
    this.transport?.close();
  }
}
