import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import swaggerUi from 'swagger-ui-express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { buildOpenApi } from './common/openapi';
import { precompressedStatic } from './common/precompressed-static';
import { AppConfig } from './config/config';
import { dataSourceOptions, migrate } from './database/data-source';
import { EmbeddedServer, startEmbeddedPostgres } from './database/embedded-postgres';
import { seedOnBoot } from './seed/seed-on-boot';
import { RedisIoAdapter } from './modules/realtime/redis-io.adapter';
import { Logger as NestLogger } from '@nestjs/common';

export interface RunningApp {
  app: NestExpressApplication;
  databaseUrl: string;
  /** Close the app, then stop the embedded PostgreSQL if this process started one. */
  close(): Promise<void>;
}

const VERSION = '0.1.0';

/** JSON is UTF-8 (RFC 8259): bytes that are not would be stored as U+FFFD without anyone noticing. */
function refuseInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) throw Object.assign(new Error('The body is not valid UTF-8'), { status: 400, type: 'entity.parse.failed' });
}

/** Resolve the database (given or embedded), migrate, seed as configured. */
export async function prepareDatabase(config: AppConfig, log: (m: string) => void): Promise<{ url: string; embedded?: EmbeddedServer }> {
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    log(`Starting embedded PostgreSQL in ${path.join(config.dataDir, 'pg')} (port ${config.EMBEDDED_PG_PORT})`);
    embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.EMBEDDED_PG_PORT, { log });
    url = embedded.url;
  }
  const ds = new DataSource(dataSourceOptions(url));
  try {
    await ds.initialize();
    const ran = await migrate(ds, () => seedOnBoot(ds, config, { embedded: Boolean(embedded), log }));
    if (ran.length) log(`Applied migrations: ${ran.join(', ')}`);
  } catch (e) {
    await embedded?.stop().catch(() => undefined);
    throw e;
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
  return { url, embedded };
}

export async function createApp(config: AppConfig, opts: { log?: (m: string) => void } = {}): Promise<RunningApp> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const db = await prepareDatabase(config, log);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...config, databaseUrl: db.url }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Several instances: socket.io rooms and broadcasts go through Redis (boot does not wait for it).
  if (config.REDIS_URL) {
    const rlog = new NestLogger('realtime');
    app.useWebSocketAdapter(new RedisIoAdapter(app, config.REDIS_URL, { warn: (m) => rlog.warn(m), info: (m) => rlog.log(m) }));
  }
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '1mb', verify: refuseInvalidUtf8 });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          frameSrc: ["'self'", 'https:'],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.setGlobalPrefix('api');

  const openapi = buildOpenApi(VERSION);
  app.use('/api/docs-json', (_req: express.Request, res: express.Response) => res.json(openapi));
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(openapi, { customSiteTitle: 'Xieshang API' }));

  // The built web app, with client-side routes falling back to index.html.
  const index = path.join(config.webDist, 'index.html');
  if (fs.existsSync(index)) {
    // hashed asset names never change content: cache them for good
    const cacheAssets = (res: express.Response, file: string) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    };
    app.use(precompressedStatic(config.webDist, cacheAssets));
    app.use(express.static(config.webDist, { index: false, maxAge: '1h', setHeaders: cacheAssets }));
    app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    log(`No web build at ${config.webDist}; serving the API only (run npm run build:web)`);
  }
  return {
    app,
    databaseUrl: db.url,
    close: async () => {
      await app.close();
      await db.embedded?.stop();
    },
  };
}
