import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpErrorFilter } from './common/error.filter';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { MembersModule } from './modules/members/members.module';
import { OrgModule } from './modules/org/org.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { AttendanceModule } from './modules/attendance/attendance.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { LiveModule } from './modules/live/live.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SpeechesModule } from './modules/speeches/speeches.module';
import { TopicsModule } from './modules/topics/topics.module';
import { PlansModule } from './modules/plans/plans.module';
import { DutyModule } from './modules/duty/duty.module';
import { OutcomesModule } from './modules/outcomes/outcomes.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { CollabModule } from './modules/collab/collab.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolder, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG], global: true },
        LoggerModule.forRoot({
          // Express 5 path syntax; the default '*' draws a legacy-route warning.
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'req.body.password'], censor: '[redacted]' },
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
            customProps: () => ({ app: 'xieshang-api' }),
            serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: false }),
        AuditModule,
        AuthModule,
        HealthModule,
        OrgModule,
        MembersModule,
        RealtimeModule,
        NotificationsModule,
        SettingsModule,
        MeetingsModule,
        AttendanceModule,
        SpeechesModule,
        TopicsModule,
        PlansModule,
        CalendarModule,
        LiveModule,
        DutyModule,
        OutcomesModule,
        DocumentsModule,
        CollabModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    };
  }
}

@Module({})
class ConfigHolder {}
